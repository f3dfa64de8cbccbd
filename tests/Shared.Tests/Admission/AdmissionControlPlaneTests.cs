using System.Security.Cryptography.X509Certificates;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Shared.Tests.Admission;

public sealed class AdmissionControlPlaneTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private const string DeniedByDenyRed = "admission webhook \"deny-red.webhooks.tollgate.dev\" denied the request: " + DenyRedWidgetWebhook.Denial;

    [Fact]
    public async Task KubectlApply_RedWidget_FailsWithWebhookMessageAndBlueSucceedsWithWarning()
    {
        var cancellationToken = Timeout(120);
        await using var webhooks = await ControlPlaneWebhooks.StartAsync(Client, Namespace, w => w.AddWebhook<DenyRedWidgetWebhook>(), cancellationToken);
        await WaitUntilRedIsDeniedAsync(cancellationToken);

        var red = await ApplyAsync(WidgetYaml("crimson", "red"));
        var blue = await ApplyAsync(WidgetYaml("navy", "blue"));

        Assert.False(red.Succeeded, red.ToString());
        Assert.Contains(DeniedByDenyRed, red.Stderr, StringComparison.Ordinal);
        Assert.True(blue.Succeeded, blue.ToString());
        Assert.Contains("widget navy is blue", blue.Stderr, StringComparison.Ordinal);
        Assert.Null(await Client.GetAsync<Widget>("crimson", Namespace, cancellationToken));
        Assert.Equal("blue", (await Client.GetAsync<Widget>("navy", Namespace, cancellationToken))!.Spec.Color);

        await webhooks.DisposeAsync();
        Assert.Null(await Client.GetAsync<V1ValidatingWebhookConfiguration>(webhooks.ConfigurationName, cancellationToken: cancellationToken));
    }

    [Fact]
    public async Task KubectlApply_DryRunServer_HandlerSeesDryRunTrue()
    {
        var cancellationToken = Timeout(120);
        var recorder = new RecordingWidgetWebhook();
        await using var webhooks = await ControlPlaneWebhooks.StartAsync(Client, Namespace, w => w.AddWebhook(recorder), cancellationToken);
        await TestControlPlane.WaitUntilAsync(
            "the recording webhook to be called",
            async ct =>
            {
                await Client.CreateAsync(Widget.Named("probe", Namespace), new WriteOptions { DryRun = true }, ct);
                return recorder.Calls.Any(c => c.Name == "probe");
            },
            TimeSpan.FromSeconds(30),
            cancellationToken);

        var dryRun = await ApplyAsync(WidgetYaml("rehearsal", "blue"), "--dry-run=server");
        var real = await ApplyAsync(WidgetYaml("premiere", "blue"));
        var deleted = await Plane.KubectlAsAdminAsync("delete", "widget", "premiere", "-n", Namespace, "--dry-run=server");

        Assert.True(dryRun.Succeeded, dryRun.ToString());
        Assert.True(real.Succeeded, real.ToString());
        Assert.True(deleted.Succeeded, deleted.ToString());
        Assert.Contains(new RecordedCall("CREATE", "rehearsal", "blue", DryRun: true), recorder.Calls);
        Assert.Contains(new RecordedCall("CREATE", "premiere", "blue", DryRun: false), recorder.Calls);
        Assert.Contains(new RecordedCall("DELETE", "premiere", "blue", DryRun: true), recorder.Calls);
        Assert.Null(await Client.GetAsync<Widget>("rehearsal", Namespace, cancellationToken));
        Assert.NotNull(await Client.GetAsync<Widget>("premiere", Namespace, cancellationToken));
    }

    [Fact]
    public async Task RotatedCertificate_ServedWithoutRestart_ApiServerStillCallsWebhook()
    {
        var cancellationToken = Timeout(120);
        await using var webhooks = await ControlPlaneWebhooks.StartAsync(
            Client, Namespace, w => w.AddWebhook<DenyRedWidgetWebhook>(), cancellationToken, keepAliveTimeout: TimeSpan.FromSeconds(1));
        await WaitUntilRedIsDeniedAsync(cancellationToken);
        var firstSerial = webhooks.Server.Certificate.Current.SerialNumber;

        var rotated = webhooks.Authority.IssueLocalServingCertificate();
        await File.WriteAllTextAsync(Path.Combine(webhooks.CertificateDirectory, ServingCertificate.CertificateFileName), rotated.CertificatePem, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(webhooks.CertificateDirectory, ServingCertificate.KeyFileName), rotated.KeyPem, cancellationToken);
        var rotatedSerial = X509Certificate2.CreateFromPem(rotated.CertificatePem).SerialNumber;
        var served = await webhooks.Server.WaitForServedSerialAsync(webhooks.Authority.Certificate, rotatedSerial, cancellationToken);

        // Past the keep-alive timeout the API server's old connections are gone, so its next call needs a new handshake.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        var connectionsBefore = webhooks.Server.AcceptedConnections;
        var red = await ApplyAsync(WidgetYaml("after-rotation", "red"));
        var blue = await ApplyAsync(WidgetYaml("still-fine", "blue"));

        Assert.NotEqual(firstSerial, rotatedSerial);
        Assert.True(served.Trusted);
        Assert.False(red.Succeeded, red.ToString());
        Assert.Contains(DeniedByDenyRed, red.Stderr, StringComparison.Ordinal);
        Assert.True(blue.Succeeded, blue.ToString());
        Assert.True(webhooks.Server.AcceptedConnections > connectionsBefore, "the API server did not open a new connection after the rotation");
    }

    private async Task WaitUntilRedIsDeniedAsync(CancellationToken cancellationToken) =>
        await TestControlPlane.WaitUntilAsync(
            "the validating webhook to deny red widgets",
            async ct =>
            {
                var probe = Widget.Named("probe", Namespace);
                probe.Spec.Color = "red";
                try
                {
                    await Client.CreateAsync(probe, new WriteOptions { DryRun = true }, ct);
                    return false;
                }
                catch (KubernetesException e) when (e.Message.Contains(DeniedByDenyRed, StringComparison.Ordinal))
                {
                    return true;
                }
            },
            TimeSpan.FromSeconds(30),
            cancellationToken);

    private string WidgetYaml(string name, string? color, string labels = "") =>
        $"""
        apiVersion: test.tollgate.dev/v1
        kind: Widget
        metadata:
          name: {name}
          namespace: {Namespace}
        {(labels.Length == 0 ? "" : "  labels:\n" + labels)}spec:
          size: 3
        {(color is null ? "" : $"  color: {color}\n")}
        """;

    private Task<KubectlResult> ApplyAsync(string yaml, params string[] extraArguments) =>
        Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-", .. extraArguments], stdin: yaml);
}
