using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class AnalysisRunAssessorTests
{
    /// <summary>"S,Fd" = metric m0 Successful, metric m1 Failed in dry-run.</summary>
    private static MetricOutcome[] Metrics(string text) =>
        text.Length == 0
            ? []
            : text.Split(',')
                .Select((entry, index) => new MetricOutcome($"m{index}", PhaseText.ParseOne(entry[..1]), DryRun: entry.EndsWith('d')))
                .ToArray();

    [Theory]
    [InlineData("S,R", false, AnalysisPhase.Running)] // one metric still running
    [InlineData("S,P", false, AnalysisPhase.Running)] // one metric not started
    [InlineData("S,S", false, AnalysisPhase.Successful)]
    [InlineData("S,F", false, AnalysisPhase.Failed)] // worst of the completed metrics
    [InlineData("S,I,E", false, AnalysisPhase.Error)]
    [InlineData("I,E,F", false, AnalysisPhase.Failed)]
    [InlineData("S,I", false, AnalysisPhase.Inconclusive)]
    [InlineData("F,R", false, AnalysisPhase.Running)] // not terminating yet: waits for the others
    [InlineData("S,Fd", false, AnalysisPhase.Successful)] // dry-run failures never decide the run
    [InlineData("Ed,S,Id", false, AnalysisPhase.Successful)]
    [InlineData("Fd", false, AnalysisPhase.Successful)] // only dry-run metrics
    [InlineData("Fd,R", false, AnalysisPhase.Running)]
    [InlineData("Fd,F", false, AnalysisPhase.Failed)]
    [InlineData("", false, AnalysisPhase.Running)] // no metrics: Argo never completes
    [InlineData("F,R", true, AnalysisPhase.Failed)] // terminating: the worst so far is final
    [InlineData("R", true, AnalysisPhase.Successful)]
    [InlineData("R,S", true, AnalysisPhase.Successful)]
    [InlineData("", true, AnalysisPhase.Successful)]
    public void Assess_MetricPhases_ReturnsWorstNonDryRunPhase(string metrics, bool terminating, AnalysisPhase expected)
    {
        Assert.Equal(expected, AnalysisRunAssessor.Assess(Metrics(metrics), terminating).Phase);
    }

    public static TheoryData<MetricOutcome[], bool, string> Messages => new()
    {
        {
            [new("latency", AnalysisPhase.Successful), new("error-rate", AnalysisPhase.Failed, Reason: "failed (1) > failureLimit (0)")],
            false,
            "Metric \"error-rate\" assessed Failed due to failed (1) > failureLimit (0)"
        },
        {
            [new("a", AnalysisPhase.Inconclusive, Reason: "inconclusive (1) > inconclusiveLimit (0)"), new("b", AnalysisPhase.Failed, Reason: "failed (2) > failureLimit (1)")],
            false,
            "Metric \"b\" assessed Failed due to failed (2) > failureLimit (1)"
        },
        {
            [new("a", AnalysisPhase.Failed, DryRun: true, Reason: "failed (1) > failureLimit (0)"), new("b", AnalysisPhase.Successful)],
            false,
            ""
        },
        {
            [new("a", AnalysisPhase.Running)],
            true,
            "Run Terminated"
        },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Assess_CompletedRun_ExplainsWorstMetric(MetricOutcome[] metrics, bool terminateRequested, string expectedMessage)
    {
        var assessment = AnalysisRunAssessor.Assess(metrics, terminating: terminateRequested, terminateRequested);

        Assert.Equal(expectedMessage, assessment.Message);
    }

    [Theory]
    [InlineData(false, "S,R", false)]
    [InlineData(true, "S", true)]
    [InlineData(false, "F,R", true)]
    [InlineData(false, "E", true)]
    [InlineData(false, "I", true)]
    [InlineData(false, "Fd,R", false)] // dry-run failures do not stop the run
    [InlineData(false, "", false)]
    public void IsTerminating_RequestOrFailedMetric_StopsRun(bool terminateRequested, string metrics, bool expected)
    {
        Assert.Equal(expected, AnalysisRunAssessor.IsTerminating(terminateRequested, Metrics(metrics)));
    }

    [Theory]
    [InlineData(AnalysisPhase.Successful, AnalysisPhase.Failed, true)]
    [InlineData(AnalysisPhase.Failed, AnalysisPhase.Error, false)]
    [InlineData(AnalysisPhase.Error, AnalysisPhase.Failed, true)]
    [InlineData(AnalysisPhase.Inconclusive, AnalysisPhase.Error, true)]
    [InlineData(AnalysisPhase.Running, AnalysisPhase.Successful, false)]
    [InlineData(AnalysisPhase.Successful, AnalysisPhase.Successful, false)]
    public void IsWorse_TwoPhases_FollowsArgoSeverityOrder(AnalysisPhase current, AnalysisPhase candidate, bool expected)
    {
        Assert.Equal(expected, AnalysisRunAssessor.IsWorse(current, candidate));
        Assert.Equal(expected ? candidate : current, AnalysisRunAssessor.Worst(current, candidate));
    }
}
