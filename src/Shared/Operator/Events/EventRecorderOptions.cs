namespace Tollgate.Shared.Operator.Events;

public sealed record EventRecorderOptions
{
    /// <summary>source.component and reportingComponent: the controller that reports.</summary>
    public required string Component { get; init; }

    /// <summary>source.host and reportingInstance: which replica reports.</summary>
    public string Instance { get; init; } = Environment.MachineName;

    /// <summary>How many recent events are remembered for counting repeats.</summary>
    public int CacheSize { get; init; } = 4096;
}
