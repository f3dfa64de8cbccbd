namespace Tollgate.Shared.Operator.Events;

/// <summary>What makes two events "the same" for counting: the object (by uid when known) and type, reason, message.</summary>
public sealed record EventKey(string ObjectIdentity, EventType Type, string Reason, string Message);
