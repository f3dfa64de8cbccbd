using System.Globalization;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 5, the controller half: Rollouts with absurd values, written straight to the API server (no webhook),
/// must be refused by the API server's schema or reported by the real tollgate-rollouts process (status message or
/// InvalidSpec), never crash it. A ResourceQuota keeps 2^31-1 replicas from becoming pods on the shared control plane.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public sealed class RolloutHostileSpecTests(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private const string Template = """
          selector:
            matchLabels: {app: hostile}
          template:
            metadata:
              labels: {app: hostile}
            spec:
              containers: [{name: web, image: "web:1"}]
        """;

    private string @namespace = "";

    private TestControlPlane Plane => fixture.Plane;

    /// <summary>Name, then the spec lines after `spec:` (the selector and template are added).</summary>
    public static TheoryData<string, string> Hostile { get; } = new()
    {
        { "replicas-max-int", "  replicas: 2147483647\n  strategy: {canary: {steps: [{setWeight: 50}]}}" },
        { "replicas-negative", "  replicas: -1\n  strategy: {canary: {steps: [{setWeight: 50}]}}" },
        { "weight-101", "  replicas: 1\n  strategy: {canary: {steps: [{setWeight: 101}]}}" },
        { "weight-minus-1", "  replicas: 1\n  strategy: {canary: {steps: [{setWeight: -1}]}}" },
        { "ten-thousand-steps", "  replicas: 1\n  strategy: {canary: {steps: [" + string.Join(", ", Enumerable.Range(0, 10_000).Select(i => $"{{setWeight: {i % 100}}}")) + "]}}" },
        { "huge-canary-service", $"  replicas: 1\n  strategy: {{canary: {{canaryService: {new string('s', 256 * 1024)}, stableService: stable, steps: [{{setWeight: 5}}]}}}}" },
        { "max-surge-garbage", "  replicas: 1\n  strategy: {canary: {maxSurge: \"1e9%\", maxUnavailable: \"-5%\", steps: [{setWeight: 5}]}}" },
        { "pause-forever-duration", "  replicas: 1\n  strategy: {canary: {steps: [{pause: {duration: 99999999999999h}}]}}" },
        { "analysis-absurd-args", $"  replicas: 1\n  strategy: {{canary: {{steps: [{{analysis: {{templates: [{{templateName: {new string('t', 300)}}}], args: [{{name: a, value: {new string('v', 64 * 1024)}}}]}}}}]}}}}" },
    };

    public async Task InitializeAsync()
    {
        @namespace = await Plane.CreateNamespaceAsync("hostile-rollouts");
        var quota = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-f", "-"], stdin: $"""
            apiVersion: v1
            kind: ResourceQuota
            metadata:
              name: pods
              namespace: {@namespace}
            spec:
              hard:
                pods: "10"
            """);
        Assert.True(quota.Succeeded, quota.ToString());
    }

    public Task DisposeAsync() => Plane.DeleteNamespaceAsync(@namespace);

    [Fact]
    public async Task Apply_AbsurdRollouts_RefusedOrReportedControllerNeverCrashes()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var identity = await Plane.ShippedIdentities.RolloutsAsync(timeout.Token);
        await using var controller = ManagedProcess.Start(
            "tollgate-rollouts",
            ControlPlaneBinaries.DotnetHost,
            [
                Path.Combine(AppContext.BaseDirectory, "tollgate-rollouts.dll"), "--kubeconfig", identity.KubeconfigPath, "--namespace", @namespace,
                "--lease-namespace", ShippedIdentities.Namespace, "--lease-name", $"hostile-{@namespace}", "--bind-address", $"127.0.0.1:{FreePort.Next()}",
            ],
            Path.Combine(Plane.WorkDirectory, $"tollgate-rollouts-{@namespace}.log"),
            new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" });

        var outcomes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var accepted = new List<string>();
        foreach (var row in Hostile)
        {
            var (name, spec) = ((string)row[0], (string)row[1]);
            // create, not apply: apply would copy a huge spec into the last-applied annotation, which the API server caps at 256 KiB.
            var result = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["create", "-f", "-"], stdin: $"apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata: {{name: {name}, namespace: {@namespace}}}\nspec:\n{spec}\n{Template}\n");
            if (result.Succeeded)
            {
                accepted.Add(name);
            }
            else
            {
                outcomes[name] = $"refused by the API server: {Cut(result.Stderr)}";
            }
        }

        using var client = new KubernetesClient(Plane.AdminConfiguration, RolloutsJsonContext.Default);
        await TestControlPlane.WaitUntilAsync("every accepted Rollout to have a status", async ct =>
        {
            foreach (var name in accepted)
            {
                if ((await client.GetAsync<Rollout>(name, @namespace, ct))?.Status is not { Phase: { Length: > 0 } })
                {
                    return controller.HasExited ? throw new InvalidOperationException($"tollgate-rollouts exited\n{controller.Tail()}") : false;
                }
            }

            return true;
        }, TimeSpan.FromMinutes(3), timeout.Token);

        foreach (var name in accepted)
        {
            var status = (await client.GetAsync<Rollout>(name, @namespace, timeout.Token))!.Status!;
            var invalid = status.Conditions?.FirstOrDefault(c => c.Type == "InvalidSpec" && c.Status == "True");
            outcomes[name] = invalid is not null ? $"reported: InvalidSpec: {Cut(invalid.Message)}" : $"accepted: phase {status.Phase} {Cut(status.Message)}";
        }

        var log = File.ReadAllText(Path.Combine(Plane.WorkDirectory, $"tollgate-rollouts-{@namespace}.log"));
        Report(outcomes, controller.HasExited, log);

        Assert.False(controller.HasExited, controller.Tail());
        Assert.DoesNotContain("Unhandled exception", log, StringComparison.Ordinal);
        foreach (var name in (string[])["weight-101", "weight-minus-1", "replicas-negative"])
        {
            Assert.True(outcomes[name].StartsWith("refused", StringComparison.Ordinal) || outcomes[name].StartsWith("reported", StringComparison.Ordinal), $"{name}: {outcomes[name]}");
        }
    }

    private static void Report(SortedDictionary<string, string> outcomes, bool exited, string log)
    {
        if (Environment.GetEnvironmentVariable("TOLLGATE_CHAOS_REPORT") is { Length: > 0 } path)
        {
            File.AppendAllText(path, $"""
                ## Rollout controller, absurd specs

                | Rollout | outcome |
                |---|---|
                {string.Join('\n', outcomes.Select(o => $"| {o.Key} | {o.Value.Replace('|', '/')} |"))}

                controller exited: {exited}; log lines: {log.Split('\n').Length.ToString(CultureInfo.InvariantCulture)}


                """);
        }
    }

    private static string Cut(string? text) => text is null ? "" : text.Length <= 160 ? text.ReplaceLineEndings(" ") : text[..160].ReplaceLineEndings(" ") + "...";
}
