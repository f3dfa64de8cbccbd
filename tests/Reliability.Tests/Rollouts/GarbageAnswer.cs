namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>An answer no Prometheus should give to /api/v1/query.</summary>
public sealed record GarbageAnswer(string Name, int Status, string ContentType, byte[] Body);
