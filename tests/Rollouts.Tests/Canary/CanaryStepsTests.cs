using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class CanaryStepsTests
{
    private static readonly IReadOnlyList<CanaryStep> Steps =
    [
        new PauseStep(TimeSpan.FromSeconds(30)), // 0: before any setWeight
        new SetWeightStep(10), // 1
        new PauseStep(), // 2
        new SetWeightStep(30), // 3
        new AnalysisStep(["success-rate"]), // 4
        new SetCanaryScaleStep(Replicas: 2), // 5
        new SetWeightStep(50), // 6
        new SetCanaryScaleStep(MatchTrafficWeight: true), // 7
        new PauseStep(TimeSpan.FromMinutes(5)), // 8
    ];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(2, 10)]
    [InlineData(3, 30)]
    [InlineData(4, 30)]
    [InlineData(5, 30)]
    [InlineData(6, 50)]
    [InlineData(8, 50)]
    [InlineData(9, 100)] // complete
    [InlineData(42, 100)]
    public void CurrentWeight_StepIndex_ReturnsLastSetWeightAtOrBefore(int currentStepIndex, int expectedWeight)
    {
        Assert.Equal(expectedWeight, CanarySteps.CurrentWeight(Steps, currentStepIndex));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(8, false)]
    [InlineData(9, true)]
    [InlineData(10, true)]
    public void IsComplete_StepIndex_TrueOncePastLastStep(int currentStepIndex, bool expected)
    {
        Assert.Equal(expected, CanarySteps.IsComplete(Steps, currentStepIndex));
    }

    public static TheoryData<CanaryStep[], int, int> SmallStepLists => new()
    {
        { [], 0, 100 }, // no steps: complete from the start
        { [new PauseStep()], 0, 0 },
        { [new SetWeightStep(20)], 0, 20 },
        { [new SetWeightStep(20)], 1, 100 },
        { [new PauseStep(), new AnalysisStep(["a"])], 1, 0 },
        { [new SetWeightStep(100), new PauseStep()], 1, 100 },
    };

    [Theory]
    [MemberData(nameof(SmallStepLists))]
    public void CurrentWeight_SmallStepLists_ReturnsExpectedWeight(CanaryStep[] steps, int currentStepIndex, int expectedWeight)
    {
        Assert.Equal(expectedWeight, CanarySteps.CurrentWeight(steps, currentStepIndex));
    }

    [Theory]
    [InlineData(0, typeof(PauseStep))]
    [InlineData(1, typeof(SetWeightStep))]
    [InlineData(4, typeof(AnalysisStep))]
    [InlineData(5, typeof(SetCanaryScaleStep))]
    [InlineData(9, null)]
    public void CurrentStep_StepIndex_ReturnsStepOrNullWhenComplete(int currentStepIndex, Type? expectedType)
    {
        Assert.Equal(expectedType, CanarySteps.CurrentStep(Steps, currentStepIndex)?.GetType());
    }

    [Theory]
    [InlineData(3, false, false, 30)]
    [InlineData(3, true, false, 0)] // abort sends all pods back to stable
    [InlineData(3, false, true, 100)] // full promotion skips the remaining steps
    [InlineData(3, true, true, 100)] // promotion wins, as in Argo's GetCanaryReplicasOrWeight
    [InlineData(9, false, false, 100)]
    [InlineData(9, true, false, 0)]
    public void DesiredWeight_AbortAndPromotion_OverrideStepWeight(int currentStepIndex, bool aborted, bool promoteFull, int expectedWeight)
    {
        Assert.Equal(expectedWeight, CanarySteps.DesiredWeight(Steps, currentStepIndex, aborted, promoteFull));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, 2)]
    [InlineData(6, 2)] // setCanaryScale stays in effect across later setWeight steps
    [InlineData(7, null)] // matchTrafficWeight cancels it
    [InlineData(8, null)]
    [InlineData(9, null)] // complete
    public void ActiveCanaryScale_StepIndex_ReturnsScaleInEffect(int currentStepIndex, int? expectedReplicas)
    {
        Assert.Equal(expectedReplicas, CanarySteps.ActiveCanaryScale(Steps, currentStepIndex)?.Replicas);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void SetWeightStep_WeightOutOfRange_Throws(int weight)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SetWeightStep(weight));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void CurrentWeight_NegativeIndex_Throws(int currentStepIndex)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CanarySteps.CurrentWeight(Steps, currentStepIndex));
    }
}
