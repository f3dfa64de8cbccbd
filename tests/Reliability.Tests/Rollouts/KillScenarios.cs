namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The shapes the kill-anywhere run covers, by name (the test's theory data).</summary>
public static class KillScenarios
{
    public static IReadOnlyDictionary<string, KillScenario> All { get; } = new Dictionary<string, KillScenario>(StringComparer.Ordinal)
    {
        // 4 replicas: every weight has an exact split, so the canary never surges.
        ["canary"] = Canary("canary", CanaryManifests.Replicas, "TOLLGATE_CHAOS_KILLS"),

        // 5 replicas: setWeight 50 is 3 of 6 pods (Argo's closest split uses the surge), so maxSurge is exercised.
        ["canary-surge"] = Canary("canary-surge", 5, "TOLLGATE_CHAOS_SURGE_KILLS"),

        // Preview at 2 pods, a pre-promotion analysis, a timed pause, promotion, the scale-down delay. Argo's blue-green
        // runs the old and the new ReplicaSet at full size between the promotion and the end of the delay, so the pod
        // limit is twice the replicas; and the active Service keeps every replica available throughout.
        ["blue-green"] = new(
            "blue-green",
            (image, @namespace) => BlueGreenManifests.Rollout(image, @namespace, BlueGreenManifests.Replicas),
            BlueGreenManifests.Replicas,
            new CanaryLimits(BlueGreenManifests.Replicas, MaxSurge: BlueGreenManifests.Replicas, MaxUnavailable: 0, AvailabilityArmed: false),
            BlueGreenManifests.ActiveService,
            "TOLLGATE_CHAOS_BLUE_GREEN_KILLS"),
    };

    /// <summary>The canary steps of <see cref="CanaryManifests.ChaosSteps"/>, with Argo's default maxSurge and maxUnavailable.</summary>
    private static KillScenario Canary(string name, int replicas, string killsVariable) => new(
        name,
        (image, @namespace) => CanaryManifests.Rollout(image, CanaryManifests.ChaosSteps(@namespace), replicas),
        replicas,
        CanaryLimits.ArgoDefaults(replicas),
        ActiveService: null,
        killsVariable);
}
