using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class MetricAssessorTests
{
    private static readonly MetricLimits Interval = new(HasInterval: true);

    public static TheoryData<string, string, MetricLimits, bool, AnalysisPhase> Cases => new()
    {
        // Nothing measured yet
        { "none measured", "", new MetricLimits(), false, AnalysisPhase.Pending },
        { "none measured, terminating", "", new MetricLimits(), true, AnalysisPhase.Successful },
        // In-flight measurement
        { "in flight", "S,R", new MetricLimits(), false, AnalysisPhase.Running },
        { "in flight, terminating", "S,R", new MetricLimits(), true, AnalysisPhase.Running },
        // Single measurement (no count, no interval)
        { "single success", "S", new MetricLimits(), false, AnalysisPhase.Successful },
        { "single failure", "F", new MetricLimits(), false, AnalysisPhase.Failed },
        { "single inconclusive", "I", new MetricLimits(), false, AnalysisPhase.Inconclusive },
        { "single error is retried", "E", new MetricLimits(), false, AnalysisPhase.Running },
        // failureLimit
        { "failures over limit", "F,F,F", Interval with { FailureLimit = 2 }, false, AnalysisPhase.Failed },
        { "failures over limit, terminating", "F,F,F", Interval with { FailureLimit = 2 }, true, AnalysisPhase.Failed },
        { "failures at limit", "F,F,F", Interval with { FailureLimit = 3 }, false, AnalysisPhase.Running },
        { "failures at limit, terminating", "F,F,F", Interval with { FailureLimit = 3 }, true, AnalysisPhase.Successful },
        { "failure limit disabled", "F,F,F", Interval with { FailureLimit = -1 }, false, AnalysisPhase.Running },
        // inconclusiveLimit
        { "inconclusive over limit", "I,I,I", Interval with { InconclusiveLimit = 2 }, false, AnalysisPhase.Inconclusive },
        { "inconclusive at limit", "I,I,I", Interval with { InconclusiveLimit = 3 }, false, AnalysisPhase.Running },
        { "inconclusive at limit, terminating", "I,I,I", Interval with { InconclusiveLimit = 3 }, true, AnalysisPhase.Successful },
        // consecutiveErrorLimit (default 4)
        { "five consecutive errors", "E,E,E,E,E", Interval, false, AnalysisPhase.Error },
        { "four consecutive errors", "E,E,E,E", Interval, false, AnalysisPhase.Running },
        { "four consecutive errors, terminating", "E,E,E,E", Interval, true, AnalysisPhase.Successful },
        { "errors interrupted by success", "E,E,E,S,E,E,E", Interval, false, AnalysisPhase.Running },
        { "custom error limit", "E,E", Interval with { ConsecutiveErrorLimit = 1 }, false, AnalysisPhase.Error },
        // Error outranks Inconclusive outranks Failed when several limits break
        { "failed and inconclusive", "F,I", Interval, false, AnalysisPhase.Inconclusive },
        { "failed, inconclusive and errors", "F,I,E,E,E,E,E", Interval, false, AnalysisPhase.Error },
        // count
        { "count reached", "S,S,S", new MetricLimits(Count: 3, HasInterval: true), false, AnalysisPhase.Successful },
        { "count not reached", "S,S", new MetricLimits(Count: 3, HasInterval: true), false, AnalysisPhase.Running },
        { "errors do not count", "S,E,S", new MetricLimits(Count: 3, HasInterval: true), false, AnalysisPhase.Running },
        { "count reached within failure limit", "S,F,S", new MetricLimits(Count: 3, HasInterval: true, FailureLimit: 1), false, AnalysisPhase.Successful },
        { "count 0 means one measurement", "S", new MetricLimits(Count: 0), false, AnalysisPhase.Successful },
        { "count reached with inconclusive", "S,S,S,S,S,I,I,I,I,I", new MetricLimits(Count: 10), false, AnalysisPhase.Inconclusive },
        // consecutiveSuccessLimit with failureLimit disabled (S=4, F=3, streak 3, count 7)
        { "streak reached", "S,F,F,F,S,S,S", Interval with { FailureLimit = -1, ConsecutiveSuccessLimit = 3 }, false, AnalysisPhase.Successful },
        { "streak not reached", "S,F,F,F,S,S,S", Interval with { FailureLimit = -1, ConsecutiveSuccessLimit = 5 }, false, AnalysisPhase.Running },
        { "streak not reached, terminating", "S,F,F,F,S,S,S", Interval with { FailureLimit = -1, ConsecutiveSuccessLimit = 5 }, true, AnalysisPhase.Successful },
        { "count reached without streak", "S,F,F,F,S,S,S", new MetricLimits(Count: 7, HasInterval: true, FailureLimit: -1, ConsecutiveSuccessLimit: 5), false, AnalysisPhase.Failed },
        { "count reached with streak", "S,F,F,F,S,S,S", new MetricLimits(Count: 7, HasInterval: true, FailureLimit: -1, ConsecutiveSuccessLimit: 3), false, AnalysisPhase.Successful },
        { "streak before count", "S,F,F,F,S,S,S", new MetricLimits(Count: 9, HasInterval: true, FailureLimit: -1, ConsecutiveSuccessLimit: 3), false, AnalysisPhase.Successful },
        { "neither streak nor count", "S,F,F,F,S,S,S", new MetricLimits(Count: 9, HasInterval: true, FailureLimit: -1, ConsecutiveSuccessLimit: 5), false, AnalysisPhase.Running },
        // consecutiveSuccessLimit with failureLimit 4
        { "count reached, no streak, failures tolerated", "S,S,S,F,F,F,F,S,S,S", new MetricLimits(Count: 10, HasInterval: true, FailureLimit: 4, ConsecutiveSuccessLimit: 4), false, AnalysisPhase.Inconclusive },
        { "count reached, failures over limit", "S,S,F,F,F,F,F,S,S,S", new MetricLimits(Count: 10, HasInterval: true, FailureLimit: 4, ConsecutiveSuccessLimit: 4), false, AnalysisPhase.Failed },
        { "count reached with streak", "S,S,F,F,F,F,S,S,S,S", new MetricLimits(Count: 10, HasInterval: true, FailureLimit: 4, ConsecutiveSuccessLimit: 4), false, AnalysisPhase.Successful },
        { "failures over limit despite streak", "F,F,F,F,F,S,S,S,S", new MetricLimits(Count: 10, HasInterval: true, FailureLimit: 4, ConsecutiveSuccessLimit: 4), true, AnalysisPhase.Failed },
        { "indefinite, no streak yet", "S,S,F,F,F,S,S,S", Interval with { FailureLimit = 4, ConsecutiveSuccessLimit = 4 }, false, AnalysisPhase.Running },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_Measurements_ReturnsArgoMetricPhase(string scenario, string measurements, MetricLimits limits, bool terminating, AnalysisPhase expected)
    {
        var assessment = MetricAssessor.Assess(limits, PhaseText.Parse(measurements), terminating);

        Assert.True(expected == assessment.Phase, $"{scenario}: expected {expected}, got {assessment.Phase}");
    }

    [Theory]
    [InlineData("F,F,F", 2, "failed (3) > failureLimit (2)")]
    [InlineData("I", 0, "inconclusive (1) > inconclusiveLimit (0)")]
    [InlineData("E,E,E,E,E", 0, "consecutiveErrors (5) > consecutiveErrorLimit (4)")]
    public void Assess_LimitBroken_ExplainsWhichLimit(string measurements, int failureLimit, string expectedReason)
    {
        var limits = Interval with { FailureLimit = failureLimit };

        var assessment = MetricAssessor.Assess(limits, PhaseText.Parse(measurements));

        Assert.Equal(expectedReason, assessment.Reason);
    }

    // Counters carry the full history when the measurement list itself has been trimmed by retention.
    [Theory]
    [InlineData(12, 3, "F", AnalysisPhase.Failed)]
    [InlineData(12, 2, "S", AnalysisPhase.Running)]
    [InlineData(20, 2, "S", AnalysisPhase.Successful)]
    public void Assess_Counters_UsesTalliesNotRetainedMeasurements(int count, int failed, string lastMeasurement, AnalysisPhase expected)
    {
        var limits = new MetricLimits(Count: 20, HasInterval: true, FailureLimit: 2);
        var counters = new MetricCounters(Count: count, Successful: count - failed, Failed: failed);

        var assessment = MetricAssessor.Assess(limits, counters, PhaseText.ParseOne(lastMeasurement));

        Assert.Equal(expected, assessment.Phase);
    }

    [Theory]
    [InlineData(null, false, 1)]
    [InlineData(0, false, 1)]
    [InlineData(null, true, null)]
    [InlineData(0, true, null)]
    [InlineData(5, true, 5)]
    [InlineData(5, false, 5)]
    public void EffectiveCount_CountAndInterval_MatchesArgo(int? count, bool hasInterval, int? expected)
    {
        Assert.Equal(expected, new MetricLimits(Count: count, HasInterval: hasInterval).EffectiveCount);
    }
}
