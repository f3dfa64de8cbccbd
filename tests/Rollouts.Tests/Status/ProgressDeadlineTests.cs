using Tollgate.Rollouts.Status;
using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Status;

public sealed class ProgressDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 10, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(599, null, false)]
    [InlineData(601, null, true)]
    [InlineData(6, 5, true)]
    [InlineData(5, 5, false)]
    public void IsExceeded_SecondsSinceProgress_Deadline(int? secondsAgo, int? deadline, bool expected) =>
        Assert.Equal(expected, ProgressDeadline.IsExceeded(secondsAgo is { } s ? Now.AddSeconds(-s) : null, deadline, Now));

    public static TheoryData<RolloutStatus?, RolloutStatus, bool> ProgressCases => new()
    {
        { null, new RolloutStatus(), true },
        { new RolloutStatus { CurrentStepIndex = 1, AvailableReplicas = 3 }, new RolloutStatus { CurrentStepIndex = 1, AvailableReplicas = 3 }, false },
        { new RolloutStatus { CurrentStepIndex = 1 }, new RolloutStatus { CurrentStepIndex = 2 }, true },
        { new RolloutStatus { AvailableReplicas = 3 }, new RolloutStatus { AvailableReplicas = 4 }, true },
        { new RolloutStatus { UpdatedReplicas = 1 }, new RolloutStatus { UpdatedReplicas = 2 }, true },
        { new RolloutStatus { CurrentPodHash = "a" }, new RolloutStatus { CurrentPodHash = "b" }, true },
        { new RolloutStatus { ReadyReplicas = 1 }, new RolloutStatus { ReadyReplicas = 2 }, false },
    };

    [Theory]
    [MemberData(nameof(ProgressCases))]
    public void Progressed_StatusChange_Progress(RolloutStatus? before, RolloutStatus after, bool expected) =>
        Assert.Equal(expected, ProgressDeadline.Progressed(before, after));
}
