namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router cannot route: its object is missing, malformed, or owned by someone else.</summary>
public sealed class TrafficRoutingException : Exception
{
    public TrafficRoutingException()
    {
    }

    public TrafficRoutingException(string message)
        : base(message)
    {
    }

    public TrafficRoutingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
