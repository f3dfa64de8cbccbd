using System.Globalization;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// Argo's scale-down delay: a ReplicaSet that must keep its pods for a while carries the
/// argo-rollouts.argoproj.io/scale-down-deadline annotation (RFC 3339, UTC, whole seconds), and is scaled down once
/// the time has passed. The deadline lives on the ReplicaSet, so a restarted controller honours it. Strategy-neutral:
/// blue-green uses it for the previous active ReplicaSet and for the preview after an abort, a traffic-routed canary
/// for the previous stable ReplicaSet and for the canary after an abort.
/// </summary>
public static class ScaleDownDeadline
{
    public const string Annotation = "argo-rollouts.argoproj.io/scale-down-deadline";

    /// <summary>Argo's default for scaleDownDelaySeconds and abortScaleDownDelaySeconds.</summary>
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromSeconds(30);

    /// <summary>The annotation value for <paramref name="deadline"/>, as Argo writes it (time.RFC3339 in UTC).</summary>
    public static string Format(DateTimeOffset deadline) =>
        deadline.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Argo's HasScaleDownDeadline: the annotation is present and not empty.</summary>
    public static bool IsSet(string? annotation) => !string.IsNullOrEmpty(annotation);

    public static bool TryParse(string? annotation, out DateTimeOffset deadline) =>
        DateTimeOffset.TryParse(annotation, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out deadline)
        && annotation!.Contains('T', StringComparison.Ordinal);

    /// <summary>
    /// Argo's GetTimeRemainingBeforeScaleDownDeadline: the time left, or null when there is no deadline, it has
    /// passed, or it cannot be read (Argo then treats the ReplicaSet as due).
    /// </summary>
    public static TimeSpan? Remaining(string? annotation, DateTimeOffset now) =>
        IsSet(annotation) && TryParse(annotation, out var deadline) && deadline > now ? deadline - now : null;

    /// <summary>
    /// Argo's scaleDownDelayHelper over the ReplicaSets that no longer serve (newest revision first): the first
    /// <paramref name="revisionLimit"/> of them wait out their deadline (one without a deadline gets one now and keeps
    /// its pods), the rest go to zero at once.
    /// </summary>
    /// <param name="candidates">Old ReplicaSets with pods, not referenced by a Service or the status, newest revision first.</param>
    /// <param name="heldAt">The count one still within its delay is held at: spec.replicas for blue-green, as in Argo; null
    /// keeps each at its own count (Argo's traffic-routed canary).</param>
    /// <param name="delay">scaleDownDelaySeconds; zero scales down at once (where Argo keeps the pods, issue #1992).</param>
    public static IReadOnlyList<DelayedScaleDown> Plan(IEnumerable<ObservedReplicaSet> candidates, int? heldAt, TimeSpan delay, int revisionLimit, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var plan = new List<DelayedScaleDown>();
        var waiting = 0;
        foreach (var replicaSet in candidates)
        {
            if (!IsSet(replicaSet.ScaleDownDeadline))
            {
                if (waiting < revisionLimit && delay > TimeSpan.Zero)
                {
                    waiting++;
                    plan.Add(new DelayedScaleDown(replicaSet.Name, replicaSet.SpecReplicas, Format(now + delay), delay));
                }
                else
                {
                    plan.Add(new DelayedScaleDown(replicaSet.Name, 0, null, null));
                }

                continue;
            }

            waiting++;
            var remaining = waiting > revisionLimit ? null : Remaining(replicaSet.ScaleDownDeadline, now);
            plan.Add(remaining is { } left
                ? new DelayedScaleDown(replicaSet.Name, heldAt ?? replicaSet.SpecReplicas, null, left)
                : new DelayedScaleDown(replicaSet.Name, 0, null, null));
        }

        return plan;
    }
}
