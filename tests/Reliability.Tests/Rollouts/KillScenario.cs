namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// A rollout shape the kill-anywhere run exercises: its manifest for an image in a namespace (the namespace names the
/// analysis's service), its replicas, the limits its pods keep, the blue-green active Service (null for a canary) and
/// the variable giving its kill budget in `make chaos`.
/// </summary>
public sealed record KillScenario(
    string Name, Func<string, string, string> Manifest, int Replicas, CanaryLimits Limits, string? ActiveService, string KillsVariable);
