namespace Tollgate.Shared.Tests.Operator;

/// <summary>A timer of <see cref="ManualTimeProvider"/>.</summary>
public sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
{
    internal DateTimeOffset? DueAt { get; set; }

    internal TimeSpan? Period { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        owner.Reschedule(this, dueTime, period);
        return true;
    }

    public void Dispose() => owner.Remove(this);

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire() => callback(state);
}
