using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using Tollgate.Webhooks.Tests.Support;

namespace Tollgate.Webhooks.Tests.Scenario;

public sealed class BreakGlassTests(ControlPlaneFixture fixture) : WebhookScenarioTest(fixture)
{
    private const string Annotation = "tollgate.dev/break-glass";

    [Fact]
    public async Task BreakGlass_MemberWithoutAnnotation_Denied()
    {
        var cancellationToken = Timeout();

        var scaled = await KubectlAsync(Users.OnCall, "scale", "deployment", "web-app", "--replicas=10", "-n", Production);

        Assert.False(scaled.Succeeded, scaled.ToString());
        Assert.Contains("Change it in Git", scaled.Stderr, StringComparison.Ordinal);
        Assert.Equal(5, await ReplicasAsync(cancellationToken));
    }

    [Fact]
    public async Task BreakGlass_AnnotationOutsideGroup_Denied()
    {
        var annotated = await KubectlAsync(Users.Developer, "annotate", "deployment", "web-app", "-n", Production, $"{Annotation}=incident 42");

        Assert.False(annotated.Succeeded, annotated.ToString());
        Assert.Contains("only members of the group tollgate:break-glass may set the annotation tollgate.dev/break-glass", annotated.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreakGlass_MemberWithAnnotation_AllowedWithWarningEventAuditAndMetric()
    {
        var cancellationToken = Timeout();

        var annotated = await KubectlAsync(Users.OnCall, "annotate", "deployment", "web-app", "-n", Production, $"{Annotation}=incident 42: traffic spike");
        var dryRun = await RetryUntilAsync(
            () => KubectlAsync(Users.OnCall, "scale", "deployment", "web-app", "--replicas=10", "-n", Production, "--dry-run=server"),
            result => result.Succeeded);
        var scaled = await KubectlAsync(Users.OnCall, "scale", "deployment", "web-app", "--replicas=10", "-n", Production);

        Assert.True(annotated.Succeeded, annotated.ToString());
        Assert.Contains("BREAK-GLASS by oncall-user (\"incident 42: traffic spike\")", annotated.Stderr, StringComparison.Ordinal);
        Assert.True(dryRun.Succeeded, dryRun.ToString());
        Assert.True(scaled.Succeeded, scaled.ToString());
        Assert.Contains("Warning: BREAK-GLASS", scaled.Stderr, StringComparison.Ordinal);
        Assert.Equal(10, await ReplicasAsync(cancellationToken));

        List<Corev1Event> events = [];
        await TestControlPlane.WaitUntilAsync(
            "the break-glass Events",
            async ct =>
            {
                events = [.. (await Client.ListAsync<Corev1Event>(Production, cancellationToken: ct)).Items.Where(e => e.Reason == "BreakGlass")];
                return events.Count >= 2;
            },
            TimeSpan.FromSeconds(20),
            cancellationToken);
        Assert.All(events, e => Assert.Equal("web-app", e.InvolvedObject?.Name));
        Assert.All(events, e => Assert.Equal("Warning", e.Type));
        Assert.DoesNotContain(events, e => e.Message!.Contains("dryRun", StringComparison.Ordinal));
        Assert.Equal(2, events.Sum(e => e.Count ?? 1));
        Assert.Contains("tollgate_break_glass_total{", Webhooks.ScrapeMetrics(), StringComparison.Ordinal);
    }
}
