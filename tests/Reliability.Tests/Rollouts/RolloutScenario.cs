using System.Text.Json;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// Base of the rollout controller's fault scenarios on the real control plane: a real Prometheus scraping a healthy
/// request counter, the rollouts ServiceAccount's identity, and per namespace the kubelet stand-in; controllers are
/// started by the scenario (several, killed, suspended) as it needs.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
public abstract class RolloutScenario(ControlPlaneFixture fixture) : IAsyncLifetime
{
    private readonly List<string> namespaces = [];
    private readonly List<IAsyncDisposable> owned = [];

    protected TestControlPlane Plane => fixture.Plane;

    protected KubernetesClient Client { get; private set; } = null!;

    protected PrometheusServer Prometheus { get; private set; } = null!;

    protected KubeUser Identity { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        Client = new KubernetesClient(Plane.AdminConfiguration, RolloutsJsonContext.Default);
        Identity = await Plane.ShippedIdentities.RolloutsAsync(timeout.Token);
        Prometheus = await PrometheusServer.StartAsync(timeout.Token);
    }

    public virtual async Task DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }

        foreach (var @namespace in namespaces)
        {
            await Plane.DeleteNamespaceAsync(@namespace);
            await Client.DeleteAsync<V1Lease>(LeaseName(@namespace), ShippedIdentities.Namespace);
        }

        await Prometheus.DisposeAsync();
        Client.Dispose();
    }

    protected static CancellationToken Timeout(int seconds = 60) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    protected static string LeaseName(string @namespace) => $"tollgate-rollouts-{@namespace}";

    /// <summary>A fresh namespace with the kubelet stand-in and the AnalysisTemplate, its service registered with the scrape target.</summary>
    protected async Task<string> NamespaceAsync(string prefix, string template)
    {
        var @namespace = await Plane.CreateNamespaceAsync(prefix);
        namespaces.Add(@namespace);
        Own(new PodReadiness(Client, @namespace));
        Prometheus.Target.SetErrorRate(@namespace, 0);
        await ApplyAsync(@namespace, template);
        return @namespace;
    }

    protected T Own<T>(T disposable)
        where T : IAsyncDisposable
    {
        owned.Add(disposable);
        return disposable;
    }

    protected RolloutControllerProcess StartController(string @namespace, string name, LeaseTiming timing, KubeUser? identity = null) =>
        RolloutControllerProcess.Start(name, identity ?? Identity, @namespace, LeaseName(@namespace), timing, Prometheus.Address, Plane.WorkDirectory);

    protected async Task ApplyAsync(string @namespace, string yaml)
    {
        var applied = await Plane.Kubectl.RunAsync(Plane.AdminKubeconfigPath, ["apply", "-n", @namespace, "-f", "-"], stdin: yaml);
        Assert.True(applied.Succeeded, applied.ToString());
    }

    protected Task<Rollout?> RolloutAsync(string @namespace, CancellationToken cancellationToken = default) =>
        Client.GetAsync<Rollout>(CanaryManifests.RolloutName, @namespace, cancellationToken);

    protected async Task<Rollout> WaitForRolloutAsync(string @namespace, string what, Func<Rollout, bool> condition, TimeSpan timeout, Func<string>? context = null)
    {
        Rollout? last = null;
        try
        {
            await TestControlPlane.WaitUntilAsync(what, async token =>
            {
                last = await RolloutAsync(@namespace, token);
                return last is not null && condition(last);
            }, timeout);
        }
        catch (TimeoutException e)
        {
            throw new Xunit.Sdk.XunitException(
                $"{what}: {e.Message}\nlast status: {(last?.Status is null ? "none" : JsonSerializer.Serialize(last.Status, RolloutsJsonContext.Default.RolloutStatus))}\n{context?.Invoke()}");
        }

        return last!;
    }

    /// <summary>Deploys v1 and waits until it is Healthy with every replica available; returns its pod template hash.</summary>
    protected Task<string> DeployFirstAsync(string @namespace, string steps, Func<string>? context = null, int replicas = CanaryManifests.Replicas) =>
        DeployManifestAsync(@namespace, CanaryManifests.Rollout("web:v1", steps, replicas), replicas, context);

    /// <summary>Applies the first <paramref name="manifest"/> and waits until it is Healthy with every replica available; returns its pod template hash.</summary>
    protected async Task<string> DeployManifestAsync(string @namespace, string manifest, int replicas, Func<string>? context = null)
    {
        await ApplyAsync(@namespace, manifest);
        var first = await WaitForRolloutAsync(
            @namespace, "first deploy healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == replicas, TimeSpan.FromMinutes(3), context);
        return first.Status!.StableRS!;
    }

    protected async Task<IReadOnlyList<string>> EndStateAsync(string @namespace, CancellationToken cancellationToken = default)
    {
        var rollout = await RolloutAsync(@namespace, cancellationToken);
        var replicaSets = await Client.ListAsync<V1ReplicaSet>(@namespace, cancellationToken: cancellationToken);
        var runs = await Client.ListAsync<AnalysisRun>(@namespace, cancellationToken: cancellationToken);
        return RolloutEndState.Of(rollout!, replicaSets.Items, runs.Items);
    }

    protected static CanaryLimits Limits => CanaryLimits.ArgoDefaults(CanaryManifests.Replicas);
}
