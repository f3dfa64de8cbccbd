using Tollgate.Webhooks.Observability;

namespace Tollgate.Webhooks.Tests.Observability;

public sealed class DenialLogThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);
    private static readonly DenialKey Scale = new("guard", "alice", "UPDATE", "apps/v1, Resource=deployments", "scale", "production", "web-app", "drift");

    private static DenialLogThrottle Throttle(int capacity = DenialLogThrottle.DefaultCapacity) =>
        new(TimeSpan.FromSeconds(10), TimeProvider.System, capacity);

    [Fact]
    public void Admit_IdenticalDenialsInOneWindow_FirstLoggedRestCountedAndToldWithTheNextLine()
    {
        var throttle = Throttle();

        var seen = new[] { 0, 1, 2, 9.9, 10, 10.5, 25 }.Select(s => throttle.Admit(Scale, T0.AddSeconds(s))).ToList();

        Assert.Equal([(true, 0), (false, 0), (false, 0), (false, 0), (true, 3), (false, 0), (true, 1)], seen);
    }

    [Theory]
    [InlineData("bob", "production", "web-app", "drift")]
    [InlineData("alice", "staging", "web-app", "drift")]
    [InlineData("alice", "production", "api", "drift")]
    [InlineData("alice", "production", "web-app", "guard_enforce")]
    public void Admit_DenialDifferingInOnePart_LoggedOnItsOwn(string user, string @namespace, string name, string reason)
    {
        var throttle = Throttle();
        throttle.Admit(Scale, T0);

        var other = throttle.Admit(Scale with { User = user, Namespace = @namespace, Name = name, Reason = reason }, T0.AddSeconds(1));

        Assert.Equal((true, 0), other);
        Assert.Equal((false, 0), throttle.Admit(Scale, T0.AddSeconds(2)));
    }

    [Fact]
    public void Admit_MoreShapesThanCapacity_StaysBoundedAndStillLogsNewShapes()
    {
        var throttle = Throttle(capacity: 100);

        var logged = Enumerable.Range(0, 1000).Count(i => throttle.Admit(Scale with { Name = $"app-{i}" }, T0.AddMilliseconds(i)).Log);

        Assert.Equal(1000, logged);
        Assert.True(throttle.Tracked <= 100, $"{throttle.Tracked} windows tracked");
    }

    [Fact]
    public void Admit_WithoutTime_UsesTheTimeProvider()
    {
        var throttle = Throttle();

        Assert.Equal((true, 0), throttle.Admit(Scale));
        Assert.Equal((false, 0), throttle.Admit(Scale));
    }
}
