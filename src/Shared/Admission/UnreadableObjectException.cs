namespace Tollgate.Shared.Admission;

/// <summary>The request's object is missing or does not fit the webhook's type; the webhook answers 400.</summary>
internal sealed class UnreadableObjectException : Exception
{
    public UnreadableObjectException()
    {
    }

    public UnreadableObjectException(string message)
        : base(message)
    {
    }

    public UnreadableObjectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
