namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// A rollout shape the kill-anywhere run exercises: its steps for a namespace's service, its replicas, and the variable
/// giving its kill budget in `make chaos`. Blue-green becomes one more entry of <see cref="KillScenarios"/> (with its
/// own invariants) once it exists.
/// </summary>
public sealed record KillScenario(string Name, Func<string, string> Steps, int Replicas, string KillsVariable);
