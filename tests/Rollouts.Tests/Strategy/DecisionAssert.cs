using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>Short assertions on a decision, named for what a row pins.</summary>
internal static class DecisionAssert
{
    public static void Scales(this RolloutDecision decision, string hash, int to)
    {
        var scale = decision.Intents.OfType<ScaleReplicaSet>().FirstOrDefault(i => i.Name == $"{ObservationBuilder.Name}-{hash}");
        Assert.True(scale is not null && scale.To == to, $"expected {hash} scaled to {to}; intents: {Describe(decision)}");
    }

    public static void DoesNotScale(this RolloutDecision decision, string? hash = null)
    {
        var scales = decision.Intents.OfType<ScaleReplicaSet>().Where(i => hash is null || i.Name == $"{ObservationBuilder.Name}-{hash}").ToList();
        Assert.True(scales.Count == 0, $"expected no scaling{(hash is null ? "" : " of " + hash)}; intents: {Describe(decision)}");
    }

    public static void Has<T>(this RolloutDecision decision, Func<T, bool>? predicate = null)
        where T : RolloutIntent
    {
        Assert.True(decision.Intents.OfType<T>().Any(i => predicate?.Invoke(i) ?? true), $"expected a {typeof(T).Name}; intents: {Describe(decision)}");
    }

    public static void HasNo<T>(this RolloutDecision decision, Func<T, bool>? predicate = null)
        where T : RolloutIntent
    {
        Assert.False(decision.Intents.OfType<T>().Any(i => predicate?.Invoke(i) ?? true), $"expected no {typeof(T).Name}; intents: {Describe(decision)}");
    }

    /// <summary>A settled rollout: nothing to write but the idempotent Service pointing.</summary>
    public static void WritesNothing(this RolloutDecision decision) =>
        Assert.True(decision.Intents.All(i => i is PointService), $"expected no writes; intents: {Describe(decision)}");

    public static void AtStep(this RolloutDecision decision, int index) =>
        Assert.Equal(index, decision.Status.CurrentStepIndex);

    public static void PausedFor(this RolloutDecision decision, string reason)
    {
        Assert.Contains(decision.Status.PauseConditions ?? [], c => c.Reason == reason);
        Assert.True(decision.Status.ControllerPause);
    }

    public static void NotPaused(this RolloutDecision decision)
    {
        Assert.Null(decision.Status.PauseConditions);
        Assert.Null(decision.Status.ControllerPause);
    }

    public static void IsAborted(this RolloutDecision decision, string? messagePart = null)
    {
        Assert.True(decision.Status.Abort);
        Assert.NotNull(decision.Status.AbortedAt);
        Assert.Equal(nameof(RolloutPhase.Degraded), decision.Status.Phase);
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, decision.Status.Message ?? "", StringComparison.Ordinal);
        }
    }

    public static void NotAborted(this RolloutDecision decision)
    {
        Assert.Null(decision.Status.Abort);
        Assert.Null(decision.Status.AbortedAt);
    }

    public static void InPhase(this RolloutDecision decision, RolloutPhase phase, string? messagePart = null)
    {
        Assert.True(decision.Status.Phase == phase.ToString(), $"expected phase {phase}, got {decision.Status.Phase} ({decision.Status.Message})");
        if (messagePart is not null)
        {
            Assert.Contains(messagePart, decision.Status.Message ?? "", StringComparison.Ordinal);
        }
    }

    public static void Weight(this RolloutDecision decision, int weight) =>
        Assert.Equal(weight, decision.Status.Canary?.Weights?.Canary.Weight);

    public static void Condition(this RolloutDecision decision, string type, string status, string reason)
    {
        var condition = decision.Status.Conditions?.FirstOrDefault(c => c.Type == type);
        Assert.True(condition is not null && condition.Status == status && condition.Reason == reason,
            $"expected {type}={status} ({reason}), got {condition?.Status} ({condition?.Reason}: {condition?.Message})");
    }

    private static string Describe(RolloutDecision decision) => string.Join("; ", decision.Intents.Select(i => i.ToString()));
}
