namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>What <see cref="FaultyPrometheus"/> does with a query.</summary>
public enum PrometheusFault
{
    /// <summary>Forwards it to the real Prometheus and answers what it answers.</summary>
    None,

    /// <summary>Answers the real Prometheus's answer only after longer than the provider's timeout (headers late, or headers at once and the body late).</summary>
    Slow,

    /// <summary>Answers one of <see cref="GarbageAnswers"/> in turn.</summary>
    Garbage,
}
