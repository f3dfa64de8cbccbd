namespace Tollgate.Shared.Operator.Controllers;

/// <summary>What the runtime does about finalizers for one object: add missing ones, or run ours on deletion.</summary>
public sealed record FinalizerPlan(bool IsDeleting, IReadOnlyList<string> ToAdd, IReadOnlyList<string> ToRun)
{
    /// <summary>
    /// Pure decision: an object not being deleted needs every registered identifier it lacks; an object being deleted
    /// needs each registered finalizer it still lists to run, in registration order. Foreign finalizers are left alone.
    /// </summary>
    public static FinalizerPlan For(DateTimeOffset? deletionTimestamp, IEnumerable<string>? presentFinalizers, IReadOnlyList<string> registered)
    {
        ArgumentNullException.ThrowIfNull(registered);
        var present = new HashSet<string>(presentFinalizers ?? [], StringComparer.Ordinal);
        return deletionTimestamp is null
            ? new FinalizerPlan(false, [.. registered.Where(id => !present.Contains(id)).Distinct(StringComparer.Ordinal)], [])
            : new FinalizerPlan(true, [], [.. registered.Where(present.Contains).Distinct(StringComparer.Ordinal)]);
    }
}
