namespace Tollgate.Reliability.Tests.Support;

/// <summary>One write the API server's audit log recorded: when it was received, by which groups, on what, with what answer.</summary>
public sealed record AuditEvent(DateTimeOffset Received, string Verb, string Resource, string? Namespace, string? Name, IReadOnlyList<string> Groups, int Code)
{
    public override string ToString() => $"{Received:HH:mm:ss.fff} {Verb} {Resource} {Namespace}/{Name} -> {Code}";
}
