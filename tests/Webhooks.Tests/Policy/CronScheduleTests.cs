using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>robfig/cron v3 with minute, hour, day-of-month, month and day-of-week, as Argo CD parses sync window schedules.</summary>
public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("", "empty spec string")]
    [InlineData("@daily", "parser does not accept descriptors: @daily")]
    [InlineData("0 22 * *", "expected exactly 5 fields, found 4: 0 22 * *")]
    [InlineData("0 0 22 * * *", "expected exactly 5 fields, found 6: 0 0 22 * * *")]
    [InlineData("60 * * * *", "end of range (60) above maximum (59): 60")]
    [InlineData("0 * 0 * *", "beginning of range (0) below minimum (1): 0")]
    [InlineData("0 * * * 7", "end of range (7) above maximum (6): 7")]
    [InlineData("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1")]
    [InlineData("*/0 * * * *", "step of range should be a positive number: */0")]
    [InlineData("1-2-3 * * * *", "too many hyphens: 1-2-3")]
    [InlineData("x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax")]
    [InlineData("CRON_TZ=Mars/Olympus 0 * * * *", "provided bad location Mars/Olympus: unknown time zone Mars/Olympus")]
    public void Parse_Invalid_RefusedWithRobfigCronsError(string spec, string error)
    {
        Assert.Null(CronSchedule.Parse(spec, out var reason));
        Assert.Equal(error, reason);
    }

    [Theory]
    [InlineData("0 22 * * *", "2026-12-02T06:30:00", "2026-12-02T22:00:00")]
    [InlineData("0 22 * * *", "2026-12-02T22:00:00", "2026-12-03T22:00:00")]
    [InlineData("*/15 * * * *", "2026-12-02T06:31:10", "2026-12-02T06:45:00")]
    [InlineData("0 9 * * mon-fri", "2026-12-05T10:00:00", "2026-12-07T09:00:00")]
    [InlineData("0 0 1 jan *", "2026-12-02T00:00:00", "2027-01-01T00:00:00")]
    [InlineData("0 0 13 * 5", "2026-12-02T00:00:00", "2026-12-04T00:00:00")]
    [InlineData("0 0 13 * *", "2026-12-02T00:00:00", "2026-12-13T00:00:00")]
    [InlineData("0 0 * * ?", "2026-12-02T00:00:00", "2026-12-03T00:00:00")]
    [InlineData("0 0 29 2 *", "2026-12-02T00:00:00", "2028-02-29T00:00:00")]
    [InlineData("30 1 * * *", "2026-12-02T01:29:59", "2026-12-02T01:30:00")]
    [InlineData("CRON_TZ=America/New_York 0 9 * * *", "2026-12-02T06:00:00", "2026-12-02T14:00:00")]
    public void Next_FirstMatchingMinuteAfter(string spec, string after, string expected)
    {
        var schedule = CronSchedule.Parse(spec, out var error);

        Assert.Null(error);
        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), schedule!.Next(Utc(after)));
    }

    [Fact]
    public void Next_NeverWithinFiveYears_IsNullLikeGosZeroTime()
    {
        Assert.Null(CronSchedule.Parse("0 0 30 2 *", out _)!.Next(Utc("2026-12-02T00:00:00")));
    }

    private static DateTime Utc(string text) =>
        DateTime.Parse(text, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
}
