namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The strategies the kill-anywhere run covers, by name (the test's theory data).</summary>
public static class KillScenarios
{
    public static IReadOnlyDictionary<string, KillScenario> All { get; } = new Dictionary<string, KillScenario>(StringComparer.Ordinal)
    {
        ["canary"] = new("canary", CanaryManifests.ChaosSteps),
    };
}
