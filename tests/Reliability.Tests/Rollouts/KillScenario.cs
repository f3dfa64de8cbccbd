namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// A strategy the kill-anywhere run exercises: its steps for a namespace's service, and the invariants it is checked
/// against. Blue-green becomes one more entry of <see cref="KillScenarios"/> once it exists.
/// </summary>
public sealed record KillScenario(string Name, Func<string, string> Steps);
