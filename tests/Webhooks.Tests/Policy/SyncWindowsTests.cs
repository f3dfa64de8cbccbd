using System.Globalization;
using System.Text.Json;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

/// <summary>Argo CD's SyncWindows.Matches(app).CanSync(isManual: true) at a fixed instant: 2026-12-02 23:30 UTC, a Wednesday.</summary>
public sealed class SyncWindowsTests
{
    private static readonly DateTime Now = DateTime.Parse("2026-12-02T23:30:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    public static TheoryData<string, bool, string?> Table => new()
    {
        // windows (JSON array), allowed, message fragment
        { """[]""", true, null },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"]}]""", false, "deny window #0 (schedule '0 22 * * *', duration 8h, timeZone UTC) is active until 2026-12-03T06:00:00Z" },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","namespaces":["*"],"manualSync":true}]""", true, null },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"1h","namespaces":["*"]}]""", true, null },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","applications":["other-*"]}]""", true, null },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","clusters":["https://kubernetes.default.svc"]}]""", false, "deny window #0" },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","applications":["web-*"],"clusters":["elsewhere"],"andOperator":true}]""", true, null },
        { """[{"kind":"deny","schedule":"0 22 * * *","duration":"8h","applications":["web-*"],"namespaces":["production"],"andOperator":true}]""", false, "deny window #0" },
        { """[{"kind":"allow","schedule":"0 9 * * *","duration":"8h","namespaces":["*"]}]""", false, "no allow window is active and allow window #0 (schedule '0 9 * * *', duration 8h, timeZone UTC) does not allow manual syncs; the next allow window opens at 2026-12-03T09:00:00Z" },
        { """[{"kind":"allow","schedule":"0 9 * * *","duration":"8h","namespaces":["*"],"manualSync":true}]""", true, null },
        { """[{"kind":"allow","schedule":"0 23 * * *","duration":"1h","namespaces":["*"]}]""", true, null },
        { """[{"kind":"allow","schedule":"0 23 * * *","duration":"1h","namespaces":["*"]},{"kind":"deny","schedule":"0 23 * * *","duration":"1h","namespaces":["*"]}]""", false, "deny window #1" },
        { """[{"kind":"deny","schedule":"0 25 * * *","duration":"1h","namespaces":["*"]}]""", false, "cannot sync: invalid sync window: deny window #0 (schedule '0 25 * * *', duration 1h, timeZone UTC): cannot parse schedule '0 25 * * *': end of range (25) above maximum (23): 25" },
        { """[{"kind":"allow","schedule":"0 9 * * *","duration":"8 hours","namespaces":["*"],"manualSync":true}]""", false, "cannot parse duration '8 hours'" },
        { """[{"kind":"deny","schedule":"0 25 * * *","duration":"1h","namespaces":["staging"]}]""", true, null },
        { """[{"kind":"deny","schedule":"0 8 * * *","duration":"2h","namespaces":["*"],"timeZone":"Asia/Tokyo"}]""", false, "timeZone Asia/Tokyo) is active until 2026-12-03T01:00:00Z" },
        { """[{"kind":"deny","schedule":"0 8 * * *","duration":"2h","namespaces":["*"],"timeZone":"America/New_York"}]""", true, null },
        { """[{"kind":"deny","schedule":"0 0 30 2 *","duration":"1h","namespaces":["*"]}]""", false, "with no end (its schedule never fires)" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void CheckManualSync_ArgoCdCanSync(string windows, bool allowed, string? fragment)
    {
        var compiled = SyncWindow.Compile(JsonDocument.Parse(windows).RootElement);

        var block = SyncWindows.CheckManualSync(compiled, "web-app", "https://kubernetes.default.svc", null, "production", Now);

        Assert.Equal(allowed, block is null);
        if (fragment is not null)
        {
            Assert.Contains(fragment, block!.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("8h", true, 8 * 3600)]
    [InlineData("1h30m", true, 5400)]
    [InlineData("-1h", true, -3600)]
    [InlineData("0", true, 0)]
    [InlineData("90", false, 0)]
    [InlineData("", false, 0)]
    public void TryParseGoDuration_GosParseDuration(string text, bool valid, int seconds)
    {
        Assert.Equal((valid, TimeSpan.FromSeconds(seconds)), (SyncWindow.TryParseGoDuration(text, out var duration), duration));
    }
}
