namespace Tollgate.Shared.Tests.Admission;

/// <summary>A request's object is missing or is not a Widget; answered with a 400.</summary>
internal sealed class UnreadableWidgetException : Exception
{
    public UnreadableWidgetException()
    {
    }

    public UnreadableWidgetException(string message)
        : base(message)
    {
    }

    public UnreadableWidgetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
