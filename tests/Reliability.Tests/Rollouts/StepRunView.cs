namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>An AnalysisRun of a step: the run's uid, for which pod hash and step index.</summary>
public sealed record StepRunView(string Uid, string Hash, string Step);
