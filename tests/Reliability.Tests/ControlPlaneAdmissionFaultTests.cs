using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Tollgate.Reliability.Tests.Hostile;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 3, the admission half: kube-apiserver, or etcd, SIGKILLed while four clients send valid reviews (a
/// drift the guard must deny, an unmanaged change it must allow) to the running, synced tollgate-webhooks process.
/// While the server is down a second webhook process starts: its informers cannot sync, so its /readyz must not say
/// ready until the control plane is back, and then it must. The synced process must answer every review right,
/// from its caches, throughout.
/// </summary>
public sealed class ControlPlaneAdmissionFaultTests(ControlPlaneFixture fixture) : HostileScenario(fixture)
{
    [Theory]
    [InlineData("kube-apiserver")]
    [InlineData("etcd")]
    public async Task KillServer_UnderAdmissionLoad_WebhookAnswersFromCachesAndReadinessWaitsForSync(string server)
    {
        var cancellationToken = Timeout();
        var downSeconds = ChaosReport.Scaled(6, "TOLLGATE_CHAOS_CONTROL_PLANE_DOWN_SECONDS");
        using var authority = WebhookCertificateAuthority.Create();
        var certificates = Directory.CreateTempSubdirectory("tollgate-cp-fault-").FullName;
        await authority.IssueLocalServingCertificate().WriteAsync(certificates, cancellationToken);
        await Plane.ShippedIdentities.WebhooksAsync(cancellationToken);

        using var stopLoad = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var answers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var wrong = new ConcurrentQueue<string>();
        var load = Enumerable.Range(0, 4).Select(client => Task.Run(() => LoadAsync(client, answers, wrong, stopLoad.Token))).ToList();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);

        // The fresh process starts while the server is down, so what it needs from the API server is granted first.
        await WebhookServerProcess.GrantClusterSecretsAsync(Plane, ArgoCd, cancellationToken);
        var clock = Stopwatch.StartNew();
        await Plane.KillServerAsync(server);
        var restarted = false;
        try
        {
            await using var fresh = await WebhookServerProcess.StartWithCertificatesAsync(Plane, ArgoCd, certificates, cancellationToken, waitUntilReady: false, grantClusterSecrets: false);
            using var freshHttp = new AdmissionHttp(fresh.BaseAddress, 1);
            using var syncedHttp = new AdmissionHttp(Server.BaseAddress, 1);
            var freshWhileDown = new Dictionary<string, int>(StringComparer.Ordinal);
            var syncedWhileDown = new Dictionary<string, int>(StringComparer.Ordinal);
            while (clock.Elapsed < TimeSpan.FromSeconds(downSeconds))
            {
                Count(freshWhileDown, await ReadinessAsync(freshHttp, cancellationToken));
                Count(syncedWhileDown, await ReadinessAsync(syncedHttp, cancellationToken));
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }

            var answeredWhileDown = answers.Values.Sum();
            await Plane.StartServerAsync(server, cancellationToken);
            restarted = true;
            var back = clock.Elapsed;
            await TestControlPlane.WaitUntilAsync(
                "the fresh webhook process to become ready",
                async ct => fresh.HasExited ? throw new InvalidOperationException(fresh.Tail()) : await ReadinessAsync(freshHttp, ct) == "200",
                TimeSpan.FromMinutes(2),
                cancellationToken);
            var freshReady = clock.Elapsed;
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await stopLoad.CancelAsync();
            await Task.WhenAll(load);
            Directory.Delete(certificates, recursive: true);

            Report($"{server} SIGKILLed for {downSeconds} s under admission load", $"""
                | what | figure |
                |---|---|
                | reviews answered by the synced process (4 clients) | {string.Join(", ", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}: {a.Value}"))}; {answeredWhileDown} of them by the time the server came back |
                | wrong answers or failed requests | {wrong.Count} {string.Join("; ", wrong.Take(3))} |
                | synced process /readyz while down | {string.Join(", ", syncedWhileDown.Select(r => $"{r.Key} x{r.Value}"))} |
                | fresh process /readyz while down (informers never synced) | {string.Join(", ", freshWhileDown.Select(r => $"{r.Key} x{r.Value}"))} |
                | server back after / fresh process ready after | {back.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s / {freshReady.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s |

                """);

            Assert.Empty(wrong);
            Assert.True(answers.GetValueOrDefault("right") > 0, "no review answered");
            if (server == "kube-apiserver")
            {
                Assert.DoesNotContain("200", freshWhileDown.Keys);
            }

            // With only etcd down the API server still answers a resourceVersion=0 list from its watch cache, so a fresh
            // process's informers sync and it is ready, as a client-go informer would be; nothing to assert there.
            Assert.False(Server.HasExited, Server.Tail());
        }
        finally
        {
            if (!restarted)
            {
                // A failure while the server was down must not leave it down for the tests that follow.
                await Plane.StartServerAsync(server, CancellationToken.None);
            }
        }
    }

    private async Task LoadAsync(int client, ConcurrentDictionary<string, int> answers, ConcurrentQueue<string> wrong, CancellationToken cancellationToken)
    {
        using var http = new AdmissionHttp(Server.BaseAddress, 1);
        for (var i = 0; !cancellationToken.IsCancellationRequested; i++)
        {
            var uid = $"cp-{client}-{i}";
            try
            {
                var problem = i % 2 == 0
                    ? ProbeCheck.Drift(await http.ReviewAsync("/validate/guard", Seeds.GuardDrift(uid), cancellationToken), uid)
                    : ProbeCheck.Unmanaged(await http.ReviewAsync("/validate/guard", Seeds.GuardUnmanaged(uid), cancellationToken), uid);
                answers.AddOrUpdate(problem is null ? "right" : "wrong", 1, (_, n) => n + 1);
                if (problem is not null)
                {
                    wrong.Enqueue(problem);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (HttpRequestException e)
            {
                answers.AddOrUpdate("failed", 1, (_, n) => n + 1);
                wrong.Enqueue($"{uid}: {e.Message}");
            }
        }
    }

    /// <summary>The /readyz status code, or "refused" while the process does not listen yet.</summary>
    private static async Task<string> ReadinessAsync(AdmissionHttp http, CancellationToken cancellationToken)
    {
        try
        {
            await http.GetStringAsync("/readyz", cancellationToken);
            return "200";
        }
        catch (HttpRequestException e)
        {
            return e.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "refused";
        }
    }

    private static void Count(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
