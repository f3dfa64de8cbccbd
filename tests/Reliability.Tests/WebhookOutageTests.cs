using System.Diagnostics;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 7: the webhook process SIGKILLed (its configuration stays, failurePolicy Fail): writes to guarded
/// namespaces fail closed, writes to the excluded ones (kube-system, tollgate-system) go through; restarted, writes
/// succeed again. The time from the new process's registration to the first accepted write is reported.
/// </summary>
public sealed class WebhookOutageTests(ControlPlaneFixture fixture) : HostileScenario(fixture)
{
    [Fact]
    public async Task KillWebhookProcess_GuardedWritesFailClosedExcludedGoThrough_BackWritesSucceed()
    {
        var cancellationToken = Timeout();
        var writes = Scaled(10, "TOLLGATE_CHAOS_OUTAGE_WRITES");
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.True((await CreateConfigMapAsync(Production, $"before-{run}")).Succeeded, "a write before the outage");

        await Server.KillAsync();
        var guarded = new List<KubectlResult>();
        var excluded = new List<KubectlResult>();
        for (var i = 0; i < writes; i++)
        {
            guarded.Add(await CreateConfigMapAsync(Production, $"down-{run}-{i}"));
            foreach (var @namespace in ExcludedNamespaces)
            {
                excluded.Add(await CreateConfigMapAsync(@namespace, $"down-{run}-{i}"));
            }
        }

        await Server.RestartAsync(cancellationToken);
        var back = Stopwatch.StartNew();
        var attempts = 0;
        KubectlResult after;
        do
        {
            attempts++;
            after = await CreateConfigMapAsync(Production, $"after-{run}-{attempts}");
        }
        while (!after.Succeeded && back.Elapsed < TimeSpan.FromSeconds(60));
        back.Stop();

        foreach (var @namespace in ExcludedNamespaces)
        {
            await Plane.KubectlAsAdminAsync("delete", "configmap", "-n", @namespace, "-l", $"tollgate-reliability={run}", "--ignore-not-found");
        }

        Report("Webhook outage (process SIGKILLed, configuration left registered)", $"""
            | what | result |
            |---|---|
            | writes to the guarded namespace while down | {guarded.Count(r => r.Succeeded)} of {guarded.Count} went through |
            | writes to kube-system and tollgate-system while down | {excluded.Count(r => r.Succeeded)} of {excluded.Count} went through |
            | first accepted write after the new process registered | {back.Elapsed.TotalMilliseconds:0} ms ({attempts} attempts) |

            """);

        Assert.All(guarded, r => Assert.False(r.Succeeded, r.ToString()));
        Assert.All(guarded, r => Assert.Contains("failed calling webhook", r.Stderr, StringComparison.Ordinal));
        Assert.All(excluded, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.True(after.Succeeded, after.ToString());
    }

    private Task<KubectlResult> CreateConfigMapAsync(string @namespace, string name) =>
        Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: $"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: {name}
              namespace: {@namespace}
              labels:
                tollgate-reliability: "{name.Split('-')[1]}"
            data:
              written: "yes"
            """);
}
