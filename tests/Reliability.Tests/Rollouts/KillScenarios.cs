namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The shapes the kill-anywhere run covers, by name (the test's theory data).</summary>
public static class KillScenarios
{
    public static IReadOnlyDictionary<string, KillScenario> All { get; } = new Dictionary<string, KillScenario>(StringComparer.Ordinal)
    {
        // 4 replicas: every weight has an exact split, so the canary never surges.
        ["canary"] = new("canary", CanaryManifests.ChaosSteps, CanaryManifests.Replicas, "TOLLGATE_CHAOS_KILLS"),

        // 5 replicas: setWeight 50 is 3 of 6 pods (Argo's closest split uses the surge), so maxSurge is exercised.
        ["canary-surge"] = new("canary-surge", CanaryManifests.ChaosSteps, 5, "TOLLGATE_CHAOS_SURGE_KILLS"),
    };
}
