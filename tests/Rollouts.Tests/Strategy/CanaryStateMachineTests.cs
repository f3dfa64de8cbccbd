using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

/// <summary>
/// The canary state machine, one row per behaviour: each row builds what a reconcile observes and pins what the
/// machine decides. Rows are named for the behaviour; <see cref="Rows"/> is the table.
/// </summary>
public sealed partial class CanaryStateMachineTests
{
    private const string Pause = RolloutConditionTypes.PauseReasonCanaryStep;
    private const string Inconclusive = RolloutConditionTypes.PauseReasonInconclusive;
    private const string New = ObservationBuilder.NewHash;
    private const string Stable = ObservationBuilder.StableHash;

    public static TheoryData<string> RowNames => [.. Rows.Keys];

    [Theory]
    [MemberData(nameof(RowNames))]
    public void Decide_Row_AsArgoRolloutsDoes(string row)
    {
        var (given, then) = Rows[row];

        var decision = given().Decide();

        then(decision);
    }

    [Fact]
    public void Rows_Count_CoversTheMachine() => Assert.True(Rows.Count >= 150, $"{Rows.Count} rows");

    private static readonly Dictionary<string, (Func<ObservationBuilder> Given, Action<RolloutDecision> Then)> Rows = Build();

    private static Dictionary<string, (Func<ObservationBuilder>, Action<RolloutDecision>)> Build()
    {
        var rows = new Dictionary<string, (Func<ObservationBuilder>, Action<RolloutDecision>)>(StringComparer.Ordinal);
        void Row(string name, Func<ObservationBuilder> given, Action<RolloutDecision> then) => rows.Add(name, (given, then));

        FirstDeployRows(Row);
        SteadyStateRows(Row);
        TemplateChangeRows(Row);
        SetWeightRows(Row);
        PauseRows(Row);
        AnalysisStepRows(Row);
        BackgroundAnalysisRows(Row);
        AbortRows(Row);
        RetryRows(Row);
        PromoteRows(Row);
        OldReplicaSetRows(Row);
        StepsChangeRows(Row);
        ProgressDeadlineRows(Row);
        RestartRows(Row);
        ArgoCdActionRows(Row);
        HistoryRows(Row);
        SpecAndEdgeRows(Row);
        CanaryScaleRows(Row);
        ThresholdAndWindowRows(Row);
        EphemeralMetadataRows(Row);
        return rows;
    }
}
