using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Argo's pauseContext: during a decision, pause and abort changes are only collected; reads see the stored status.
/// <see cref="ApplyTo"/> writes them once, at the end. status.controllerPause is recomputed every time: true only while
/// pause conditions exist and the controller added one of them (now or before), so a resume is seen exactly once.
/// </summary>
public sealed class PauseAbortCollector(RolloutStatus stored, DateTimeOffset now)
{
    private readonly List<string> added = [];
    private readonly HashSet<string> removed = new(StringComparer.Ordinal);
    private bool cleared;
    private bool addAbort;
    private bool removeAbort;

    /// <summary>Why the collected abort happened, when one was added in this decision.</summary>
    public string? AbortMessage { get; private set; }

    public bool IsAborted => !removeAbort && (addAbort || stored.Abort == true);

    public bool HasAddedPause => added.Count > 0;

    public bool HasStoredPause(string reason) => stored.PauseConditions?.Any(c => c.Reason == reason) == true;

    public PauseCondition? StoredPause(string reason) => stored.PauseConditions?.FirstOrDefault(c => c.Reason == reason);

    public void AddPause(string reason)
    {
        if (!added.Contains(reason))
        {
            added.Add(reason);
        }
    }

    public void RemovePause(string reason) => removed.Add(reason);

    public void ClearPauses() => cleared = true;

    public void AddAbort(string message)
    {
        addAbort = true;
        removeAbort = false;
        AbortMessage = message;
    }

    public void RemoveAbort()
    {
        removeAbort = true;
        addAbort = false;
    }

    /// <summary>Writes abort, abortedAt, pauseConditions and controllerPause into <paramref name="status"/>.</summary>
    public void ApplyTo(RolloutStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        status.PauseConditions = null;
        status.ControllerPause = null;
        if (IsAborted)
        {
            status.Abort = true;
            status.AbortedAt = stored.AbortedAt ?? now;
            return;
        }

        status.Abort = null;
        status.AbortedAt = null;
        if (cleared)
        {
            return;
        }

        var controllerPause = stored.ControllerPause == true;
        var conditions = new List<PauseCondition>();
        foreach (var condition in stored.PauseConditions ?? [])
        {
            if (!removed.Contains(condition.Reason))
            {
                conditions.Add(new PauseCondition { Reason = condition.Reason, StartTime = condition.StartTime });
            }
        }

        foreach (var reason in added.Where(r => stored.PauseConditions?.Any(c => c.Reason == r) != true))
        {
            conditions.Add(new PauseCondition { Reason = reason, StartTime = now });
            controllerPause = true;
        }

        if (conditions.Count == 0)
        {
            return;
        }

        status.PauseConditions = conditions;
        status.ControllerPause = controllerPause ? true : null;
    }
}
