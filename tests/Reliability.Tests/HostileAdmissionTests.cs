using System.Text.RegularExpressions;
using Tollgate.Reliability.Tests.Hostile;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Reliability.Tests;

/// <summary>Issue 18 item 5: hostile admission input against the real tollgate-webhooks process.</summary>
public sealed partial class HostileAdmissionTests(ControlPlaneFixture fixture) : HostileScenario(fixture)
{
    [Fact]
    public async Task Post_MixedHostileReviews_NoCrashNo5xxEveryAnswerWellFormedProbesRight()
    {
        var requests = Scaled(3000);

        var figures = await new HostileRun(Server, Seeds, seed: 18).RunAsync(requests, Timeout(3600));
        Report($"Hostile admission input ({requests} requests, {HostileRun.Clients} clients)", figures.Table());

        Assert.Equal(requests, figures.Requests);
        Assert.True(figures.ViolationCount == 0, $"{figures.ViolationCount} wrong answers, e.g.\n{string.Join('\n', figures.Violations)}\n{figures.Table()}");
        Assert.True(figures.ProbeFailureCount == 0, $"valid reviews answered wrongly:\n{string.Join('\n', figures.ProbeFailures)}");
        Assert.All(HostileReviews.Categories, c => Assert.True(figures.Answers.ContainsKey(c), $"category {c} never sent"));
        Assert.False(Server.HasExited, Server.Tail());
        Assert.DoesNotContain("Unhandled exception", Server.Log(), StringComparison.Ordinal);
        Assert.True(figures.ResidentBytesMax < MaxResidentBytes, figures.Table());
    }

    [Fact]
    public async Task Post_OneMegabyteOperations_NoSeriesAndNoLabelValueOfTheirs()
    {
        using var http = new AdmissionHttp(Server.BaseAddress, 4);
        var cancellationToken = Timeout();
        for (var i = 0; i < 20; i++)
        {
            var review = Seeds.GuardDrift($"huge-{i}");
            review["request"]!["operation"] = new string((char)('a' + i), HostileReviews.HugeStringLength);
            var answer = await http.ReviewAsync("/validate/guard", review, cancellationToken);
            Assert.Equal($"huge-{i}", answer.GetProperty("uid").GetString());
        }

        var metrics = await http.GetStringAsync("/metrics", cancellationToken);

        Assert.True(metrics.Length < MaxMetricsBytes, $"/metrics is {metrics.Length} bytes");
        Assert.All(LabelValue().Matches(metrics), m => Assert.True(m.Groups[1].Length <= 64, $"label value of {m.Groups[1].Length} characters"));
        Assert.Contains("operation=\"other\"", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("operation=\"aaaa", metrics, StringComparison.Ordinal);
    }

    /// <summary>Above what 100,000 hostile reviews reach (about 500 MB at the peak, 1 MB bodies from 8 clients) and below what unbounded series reached within 5,000 (810 MB).</summary>
    private const long MaxResidentBytes = 768L * 1024 * 1024;

    private const int MaxMetricsBytes = 256 * 1024;

    [GeneratedRegex("=\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex LabelValue();
}
