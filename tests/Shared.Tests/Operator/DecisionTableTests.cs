using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Health;

namespace Tollgate.Shared.Tests.Operator;

public sealed class DecisionTableTests
{
    private static readonly DateTimeOffset Deleted = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static TheoryData<bool, string[], string[], string[], string[]> FinalizerCases => new()
    {
        // deleting, present, registered, to add, to run
        { false, [], ["a/x"], ["a/x"], [] },
        { false, ["a/x"], ["a/x"], [], [] },
        { false, ["other/y"], ["a/x", "a/z"], ["a/x", "a/z"], [] },
        { false, ["a/z"], ["a/x", "a/z"], ["a/x"], [] },
        { true, ["a/x", "other/y"], ["a/x"], [], ["a/x"] },
        { true, ["other/y"], ["a/x"], [], [] },
        { true, ["a/z", "a/x"], ["a/x", "a/z"], [], ["a/x", "a/z"] },
        { true, [], [], [], [] },
    };

    [Theory]
    [MemberData(nameof(FinalizerCases))]
    public void FinalizerPlan_For_AddsMissingOrRunsOursOnDeletion(bool deleting, string[] present, string[] registered, string[] toAdd, string[] toRun)
    {
        var plan = FinalizerPlan.For(deleting ? Deleted : null, present, registered);

        Assert.Equal(deleting, plan.IsDeleting);
        Assert.Equal(toAdd, plan.ToAdd);
        Assert.Equal(toRun, plan.ToRun);
    }

    public static TheoryData<bool, double?, bool, bool, double?> QueueCases => new()
    {
        // success, requeueAfter (s), forget, rate limited, add after (s)
        { true, null, true, false, null },
        { true, 30, true, false, 30 },
        { false, null, false, true, null },
        { false, 5, false, false, 5 },
    };

    [Theory]
    [MemberData(nameof(QueueCases))]
    public void QueueAction_After_MapsResultToForgetBackoffOrDelay(bool success, double? requeueAfter, bool forget, bool rateLimited, double? addAfter)
    {
        var action = QueueAction.After(success, requeueAfter is { } s ? TimeSpan.FromSeconds(s) : null);

        Assert.Equal(new QueueAction(forget, rateLimited, addAfter is { } a ? TimeSpan.FromSeconds(a) : null), action);
    }

    public static TheoryData<string[], string[], bool, bool, bool, string[]> ReadinessCases => new()
    {
        // synced informers, unsynced informers, leader election on, elector running, ready, reasons
        { ["w"], [], false, false, true, [] },
        { [], [], false, false, true, [] },
        { ["w"], ["x"], false, false, false, ["informer not synced: x"] },
        { ["w"], [], true, true, true, [] },
        { ["w"], [], true, false, false, ["leader election not running"] },
        { [], ["x", "y"], true, false, false, ["informer not synced: x", "informer not synced: y", "leader election not running"] },
    };

    [Theory]
    [MemberData(nameof(ReadinessCases))]
    public void ReadinessReport_Evaluate_ReadyOnlyWhenSyncedAndElectorRuns(
        string[] synced, string[] unsynced, bool election, bool running, bool ready, string[] reasons)
    {
        var report = ReadinessReport.Evaluate(
            synced.Select(s => (s, true)).Concat(unsynced.Select(u => (u, false))), election, running);

        Assert.Equal(ready, report.IsReady);
        Assert.Equal(reasons, report.Reasons);
    }
}
