using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Rollouts.Strategy;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// Base for scenarios on the real control plane: a fresh namespace, the pod readiness stand-in, and the controller
/// executable watching that namespace with Prometheus as its default metric source, running as the rollouts
/// ServiceAccount under the shipped config/rbac (never as admin), with a Lease of its own per test namespace.
/// </summary>
[Collection(RolloutsCollection.Name)]
public abstract class RolloutTest(ControlPlaneFixture fixture, PrometheusFixture prometheus) : IAsyncLifetime
{
    protected TestControlPlane Plane => fixture.Plane;

    protected PrometheusFixture Prometheus => prometheus;

    protected KubernetesClient Client { get; private set; } = null!;

    protected string Namespace { get; private set; } = "";

    protected PodReadiness Pods { get; private set; } = null!;

    protected ControllerProcess Controller { get; set; } = null!;

    /// <summary>The rollouts ServiceAccount's identity the controller runs as.</summary>
    protected KubeUser ControllerIdentity { get; private set; } = null!;

    /// <summary>Every controller of one test shares it, so a restarted or second controller competes for the same Lease.</summary>
    protected string LeaseName => $"tollgate-rollouts-{Namespace}";

    public virtual async Task InitializeAsync()
    {
        Client = new KubernetesClient(Plane.AdminConfiguration, RolloutsJsonContext.Default);
        ControllerIdentity = await Plane.ShippedIdentities.RolloutsAsync();
        Namespace = await Plane.CreateNamespaceAsync("ro");
        Pods = new PodReadiness(Client, Namespace);
        if (StartsControllerFirst)
        {
            Controller = StartController();
        }
    }

    /// <summary>False for scenarios that write objects before any controller runs (they call <see cref="StartController"/> themselves).</summary>
    protected virtual bool StartsControllerFirst => true;

    public virtual async Task DisposeAsync()
    {
        if (Controller is not null)
        {
            await Controller.DisposeAsync();
        }

        await Pods.DisposeAsync();
        await Client.DeleteAsync<V1Lease>(LeaseName, ShippedIdentities.Namespace);
        await Plane.DeleteNamespaceAsync(Namespace);
        Client.Dispose();
    }

    protected ControllerProcess StartController() =>
        ControllerProcess.Start(ControllerIdentity.KubeconfigPath, Namespace, LeaseName, prometheus.Address, Plane.WorkDirectory);

    /// <summary>Applies YAML with the real kubectl, as a user would.</summary>
    protected async Task ApplyAsync(string yaml)
    {
        var file = Path.Combine(Plane.WorkDirectory, $"apply-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(file, yaml);
        var applied = await Plane.KubectlAsAdminAsync("apply", "-n", Namespace, "-f", file);
        Assert.True(applied.Succeeded, applied.ToString());
    }

    protected Task<Rollout?> GetRolloutAsync(string name) => Client.GetAsync<Rollout>(name, Namespace);

    protected async Task<IReadOnlyList<V1ReplicaSet>> ReplicaSetsAsync() =>
        [.. (await Client.ListAsync<V1ReplicaSet>(Namespace)).Items.OrderBy(rs => rs.Metadata.CreationTimestamp)];

    protected async Task<Rollout> WaitForRolloutAsync(string name, string what, Func<Rollout, bool> condition, int seconds = 120)
    {
        Rollout? last = null;
        try
        {
            await TestControlPlane.WaitUntilAsync(what, async token =>
            {
                last = await Client.GetAsync<Rollout>(name, Namespace, token);
                return last is not null && condition(last);
            }, TimeSpan.FromSeconds(seconds));
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException(
                $"{what}: {e.Message}\nlast status: {(last?.Status is null ? "none" : JsonSerializer.Serialize(last.Status, RolloutsJsonContext.Default.RolloutStatus))}\n{Controller.Tail()}");
        }

        return last!;
    }

    protected Task PatchStatusAsync(string name, JsonObject status) =>
        Client.Resource<Rollout>().PatchStatusAsync(name, Namespace, KubernetesPatch.Merge(new JsonObject { ["status"] = status }));

    protected Task PatchSpecAsync(string name, JsonObject spec) =>
        Client.PatchAsync<Rollout>(name, Namespace, KubernetesPatch.Merge(new JsonObject { ["spec"] = spec }));

    protected static int SpecReplicas(V1ReplicaSet replicaSet) => replicaSet.Spec?.Replicas ?? 0;

    /// <summary>The rollouts-pod-template-hash the Service selects (null when its selector has none).</summary>
    protected async Task<string?> SelectorAsync(string service) =>
        (await Client.GetAsync<V1Service>(service, Namespace))?.Spec?.Selector?.TryGetValue("rollouts-pod-template-hash", out var hash) == true ? hash : null;

    /// <summary>The ReplicaSet's scale-down-deadline annotation, as written.</summary>
    protected static string? Deadline(V1ReplicaSet replicaSet) =>
        replicaSet.Metadata.Annotations?.TryGetValue(ScaleDownDeadline.Annotation, out var value) == true ? value : null;

    protected async Task<V1ReplicaSet> WaitForReplicaSetAsync(string hash, string what, Func<V1ReplicaSet, bool> condition, int seconds = 120)
    {
        V1ReplicaSet? last = null;
        await TestControlPlane.WaitUntilAsync(what, async _ =>
        {
            last = (await ReplicaSetsAsync()).SingleOrDefault(rs => Hash(rs) == hash);
            return last is not null && condition(last);
        }, TimeSpan.FromSeconds(seconds));
        return last!;
    }

    /// <summary>kubectl tollgate promote, as a user runs it.</summary>
    protected async Task PromoteAsync(string rollout)
    {
        var (exitCode, output) = await PluginRunner.RunAsync(Plane.AdminKubeconfigPath, "promote", rollout, "-n", Namespace);
        Assert.True(exitCode == 0, output);
    }

    protected static string Hash(V1ReplicaSet replicaSet) =>
        replicaSet.Metadata.Labels is { } labels && labels.TryGetValue("rollouts-pod-template-hash", out var hash) ? hash : "";
}
