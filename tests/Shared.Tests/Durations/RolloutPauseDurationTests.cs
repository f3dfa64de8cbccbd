using Tollgate.Shared.Durations;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Tests.Durations;

/// <summary>A pause step's duration as Argo's RolloutPause.DurationSeconds reads it: whole seconds, or refused.</summary>
public sealed class RolloutPauseDurationTests
{
    public static TheoryData<string, object, int> Accepted => new()
    {
        { "number", 10, 10 },
        { "zero", 0, 0 },
        { "largest number", int.MaxValue, int.MaxValue },
        { "digits", "10", 10 },
        { "plus sign", "+10", 10 },
        { "leading zero", "010", 10 },
        { "minus zero", "-0", 0 },
        { "digits at int32 limit", "2147483647", int.MaxValue },
        { "seconds", "30s", 30 },
        { "minutes", "5m", 300 },
        { "hour", "1h", 3600 },
        { "fraction of an hour", "1.5h", 5400 },
        { "concatenation", "1h30m", 5400 },
        { "zero with unit", "0s", 0 },
        { "fraction truncates", "1.9s", 1 },
        { "milliseconds are no wait", "500ms", 0 },
        { "one millisecond", "1ms", 0 },
        { "negative below a second truncates to zero", "-0.5s", 0 },
        { "longest pause", "596523h14m7s", int.MaxValue },
    };

    public static TheoryData<string, object, string> Refused => new()
    {
        { "negative number", -1, "must not be negative" },
        { "most negative number", int.MinValue, "must not be negative" },
        { "negative digits", "-10", "must not be negative" },
        { "negative duration", "-1h", "must not be negative" },
        { "unknown unit", "1z", "unknown unit \"z\"" },
        { "days", "2d", "unknown unit \"d\"" },
        { "words", "5 minutes", "unknown unit \" minutes\"" },
        { "empty", "", "invalid duration" },
        { "space before", " 10", "invalid duration" },
        { "beyond int32 digits", "20000000000", "missing unit" },
        { "beyond int32 seconds", "596523h14m8s", "longer than 2147483647 seconds" },
        { "beyond Go durations", "2562048h", "longer than the largest duration" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void TryGetSeconds_ArgoAccepts_WholeSeconds(string row, object duration, int seconds)
    {
        Assert.True(RolloutPauseDuration.TryGetSeconds(Of(duration), out var actual, out var error), $"{row}: {error}");
        Assert.Equal(seconds, actual);
        Assert.Equal(TimeSpan.FromSeconds(seconds), RolloutPauseDuration.Parse(Of(duration)));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void TryGetSeconds_ArgoRefuses_FalseWithReason(string row, object duration, string reason)
    {
        Assert.False(RolloutPauseDuration.TryGetSeconds(Of(duration), out _, out var error), row);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => RolloutPauseDuration.Parse(Of(duration)));
    }

    private static IntOrString Of(object value) => value is int number ? new IntOrString(number) : new IntOrString((string)value);
}
