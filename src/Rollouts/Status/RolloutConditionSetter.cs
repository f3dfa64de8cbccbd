using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Status;

/// <summary>Sets a condition the way Kubernetes does: lastTransitionTime only moves when the status flips.</summary>
public static class RolloutConditionSetter
{
    public static void Set(RolloutStatus status, string type, bool value, string reason, string message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        var conditions = status.Conditions ??= [];
        var text = value ? "True" : "False";
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        if (existing is null)
        {
            conditions.Add(new RolloutCondition { Type = type, Status = text, Reason = reason, Message = message, LastTransitionTime = now, LastUpdateTime = now });
            return;
        }

        if (existing.Status != text)
        {
            existing.LastTransitionTime = now;
        }

        if (existing.Status != text || existing.Reason != reason || existing.Message != message)
        {
            existing.LastUpdateTime = now;
        }

        existing.Status = text;
        existing.Reason = reason;
        existing.Message = message;
    }

    /// <summary>Records progress: lastUpdateTime moves, nothing else changes.</summary>
    public static void Touch(RolloutStatus status, string type, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Conditions?.FirstOrDefault(c => c.Type == type) is { } condition)
        {
            condition.LastUpdateTime = now;
        }
    }

    public static void Remove(RolloutStatus status, string type)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (status.Conditions is { } conditions)
        {
            foreach (var condition in conditions.Where(c => c.Type == type).ToList())
            {
                conditions.Remove(condition);
            }
        }
    }
}
