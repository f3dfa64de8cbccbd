using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class ScaleDownDeadlineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Format_AnyOffset_WritesRfc3339InUtcAsArgo() =>
        Assert.Equal("2026-12-02T12:00:30Z", ScaleDownDeadline.Format(new DateTimeOffset(2026, 12, 2, 13, 0, 30, TimeSpan.FromHours(1))));

    [Theory]
    [InlineData("2026-12-02T12:00:30Z", 30)]
    [InlineData("2026-12-02T13:00:30+01:00", 30)]
    public void Remaining_FutureDeadline_IsTheTimeLeft(string annotation, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), ScaleDownDeadline.Remaining(annotation, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-12-02T12:00:00Z")]
    [InlineData("2026-12-02T11:00:00Z")]
    [InlineData("tomorrow")]
    public void Remaining_NoneOrPastOrUnreadable_IsNull(string? annotation) =>
        Assert.Null(ScaleDownDeadline.Remaining(annotation, Now));

    [Fact]
    public void Plan_WithoutDeadline_AnnotatesAndKeepsPods()
    {
        var plan = ScaleDownDeadline.Plan([Set("a", 3)], 5, TimeSpan.FromSeconds(30), int.MaxValue, Now);

        Assert.Equal(new DelayedScaleDown("a", 3, "2026-12-02T12:00:30Z", TimeSpan.FromSeconds(30)), Assert.Single(plan));
    }

    [Fact]
    public void Plan_WithinDeadline_HoldsAtSpecReplicasAsArgo()
    {
        var plan = ScaleDownDeadline.Plan([Set("a", 3, "2026-12-02T12:00:10Z")], 5, TimeSpan.FromSeconds(30), int.MaxValue, Now);

        Assert.Equal(new DelayedScaleDown("a", 5, null, TimeSpan.FromSeconds(10)), Assert.Single(plan));
    }

    [Fact]
    public void Plan_PastDeadlineOrUnreadable_ScalesToZero()
    {
        var plan = ScaleDownDeadline.Plan([Set("a", 3, "2026-12-02T11:00:00Z"), Set("b", 3, "soon")], 5, TimeSpan.FromSeconds(30), int.MaxValue, Now);

        Assert.All(plan, step => Assert.Equal(0, step.Replicas));
    }

    [Fact]
    public void Plan_BeyondRevisionLimit_ScalesTheOlderOnesToZero()
    {
        var plan = ScaleDownDeadline.Plan([Set("newest", 3, "2026-12-02T12:00:10Z"), Set("older", 3, "2026-12-02T12:00:10Z"), Set("oldest", 3)], 3, TimeSpan.FromSeconds(30), 1, Now);

        Assert.Equal([3, 0, 0], plan.Select(p => p.Replicas));
        Assert.All(plan, step => Assert.Null(step.NewDeadline));
    }

    [Fact]
    public void Plan_ZeroDelay_ScalesDownAtOnce()
    {
        var plan = ScaleDownDeadline.Plan([Set("a", 3)], 3, TimeSpan.Zero, int.MaxValue, Now);

        Assert.Equal(new DelayedScaleDown("a", 0, null, null), Assert.Single(plan));
    }

    private static ObservedReplicaSet Set(string name, int replicas, string? deadline = null) =>
        new(name, name, replicas, replicas, replicas, replicas, 1, Now.AddHours(-1), ScaleDownDeadline: deadline);
}
