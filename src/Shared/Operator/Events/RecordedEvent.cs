namespace Tollgate.Shared.Operator.Events;

/// <summary>An Event already written: where it is and how often it has happened.</summary>
public sealed record RecordedEvent(string Namespace, string Name, int Count, DateTimeOffset FirstTimestamp);
