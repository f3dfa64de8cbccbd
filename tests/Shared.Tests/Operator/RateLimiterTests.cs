using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Tests.Operator;

public sealed class RateLimiterTests
{
    public static TheoryData<int, double> ExponentialDelays => new()
    {
        { 1, 5 },
        { 2, 10 },
        { 3, 20 },
        { 5, 80 },
        { 18, 655_360 },
        { 19, 1_000_000 },
        { 100, 1_000_000 },
        { 2_000, 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(ExponentialDelays))]
    public void ItemExponential_RepeatedFailures_DoublesFrom5msUpTo1000s(int failures, double expectedMilliseconds)
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(RateLimiters.DefaultBaseDelay, RateLimiters.DefaultMaxDelay);

        var delay = TimeSpan.Zero;
        for (var i = 0; i < failures; i++)
        {
            delay = limiter.When("a");
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
        Assert.Equal(failures, limiter.NumRequeues("a"));
    }

    [Fact]
    public void ItemExponential_Forget_RestartsFromBaseForThatItemOnly()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");
        limiter.When("b");
        limiter.When("b");

        limiter.Forget("a");

        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(20), limiter.When("b"));
    }

    /// <summary>Each step: advance the clock by AdvanceSeconds, then one failure must wait ExpectedSeconds.</summary>
    public static TheoryData<int, double, (double AdvanceSeconds, double ExpectedSeconds)[]> BucketSteps => new()
    {
        { 2, 1, [(0, 0), (0, 0), (0, 1), (0, 2)] },
        { 2, 1, [(0, 0), (0, 0), (0, 1), (1, 1)] },
        { 1, 10, [(0, 0), (0, 0.1), (0, 0.2), (10, 0)] },
        { 3, 2, [(0, 0), (0, 0), (0, 0), (0, 0.5), (5, 0), (0, 0), (0, 0), (0, 0.5)] },
    };

    [Theory]
    [MemberData(nameof(BucketSteps))]
    public void Bucket_FailuresOverTime_BurstFreeThenSpacedByRate(int burst, double perSecond, (double AdvanceSeconds, double ExpectedSeconds)[] steps)
    {
        var clock = new ManualTimeProvider();
        var limiter = new BucketRateLimiter<string>(perSecond, burst, clock);

        var delays = new List<TimeSpan>();
        foreach (var (advance, _) in steps)
        {
            clock.Advance(TimeSpan.FromSeconds(advance));
            delays.Add(limiter.When("any"));
        }

        Assert.Equal(steps.Select(s => TimeSpan.FromSeconds(s.ExpectedSeconds)), delays);
    }

    [Fact]
    public void Bucket_Default_HundredFreeThenTenPerSecond()
    {
        var limiter = new BucketRateLimiter<int>(RateLimiters.DefaultTokensPerSecond, RateLimiters.DefaultBurst, new ManualTimeProvider());

        var delays = Enumerable.Range(0, 102).Select(limiter.When).ToList();

        Assert.All(delays.Take(100), d => Assert.Equal(TimeSpan.Zero, d));
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)], delays.Skip(100));
    }

    public static TheoryData<int, int, double> DefaultLimiterDelays => new()
    {
        // items failing before at the same instant, failures of the item under test, expected delay (ms)
        { 0, 1, 5 },
        { 0, 3, 20 },
        { 99, 1, 5 },
        { 100, 1, 100 },
        { 119, 1, 2000 },
        { 0, 20, 1_000_000 },
    };

    [Theory]
    [MemberData(nameof(DefaultLimiterDelays))]
    public void Default_MaxOfItemBackoffAndBucket_TakesTheLongerDelay(int otherFailures, int failures, double expectedMilliseconds)
    {
        var limiter = RateLimiters.Default<string>(new ManualTimeProvider());
        for (var i = 0; i < otherFailures; i++)
        {
            limiter.When($"other-{i}");
        }

        var delay = TimeSpan.Zero;
        for (var i = 0; i < failures; i++)
        {
            delay = limiter.When("item");
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), delay);
    }

    [Fact]
    public void MaxOf_Forget_ForgetsInEveryLimiterAndNumRequeuesIsTheMax()
    {
        var fast = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        var slow = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        var limiter = new MaxOfRateLimiter<string>(fast, slow);
        slow.When("a");

        Assert.Equal(TimeSpan.FromSeconds(2), limiter.When("a"));
        Assert.Equal(2, limiter.NumRequeues("a"));

        limiter.Forget("a");

        Assert.Equal(0, fast.NumRequeues("a"));
        Assert.Equal(0, slow.NumRequeues("a"));
    }
}
