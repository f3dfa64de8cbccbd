namespace Tollgate.Shared.Operator.Events;

/// <summary>The two core/v1 Event types.</summary>
public enum EventType
{
    Normal,
    Warning,
}
