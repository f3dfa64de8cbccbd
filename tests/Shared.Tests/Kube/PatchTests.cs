using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Kube;

public sealed class PatchTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task JsonPatch_AddAndReplaceOperations_Apply()
    {
        await CreateConfigMapAsync("jp", new() { ["a"] = "1" });

        var patched = await Client.PatchAsync<V1ConfigMap>("jp", Namespace, KubernetesPatch.Json(new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/data/a", ["value"] = "10" },
            new JsonObject { ["op"] = "add", ["path"] = "/data/b", ["value"] = "2" })));

        Assert.Equal("10", patched.Data!["a"]);
        Assert.Equal("2", patched.Data["b"]);
    }

    [Fact]
    public async Task JsonPatch_FailedTestOperation_IsRejected()
    {
        await CreateConfigMapAsync("jt", new() { ["a"] = "1" });

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Client.PatchAsync<V1ConfigMap>("jt", Namespace, KubernetesPatch.Json(new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/data/a", ["value"] = "999" },
            new JsonObject { ["op"] = "replace", ["path"] = "/data/a", ["value"] = "2" }))));

        Assert.True(error.IsInvalid, error.Message);
        Assert.Equal("1", (await Client.GetAsync<V1ConfigMap>("jt", Namespace))!.Data!["a"]);
    }

    [Fact]
    public async Task MergePatch_NullValue_RemovesKey()
    {
        await CreateConfigMapAsync("mp", new() { ["a"] = "1", ["b"] = "2" });

        var patched = await Client.PatchAsync<V1ConfigMap>("mp", Namespace, KubernetesPatch.Merge(new JsonObject
        {
            ["data"] = new JsonObject { ["a"] = null, ["c"] = "3" },
        }));

        Assert.Equal(new Dictionary<string, string> { ["b"] = "2", ["c"] = "3" }, patched.Data);
    }

    [Fact]
    public async Task StrategicMergePatch_ContainerList_MergesByName()
    {
        await Client.CreateAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "web", Namespace = Namespace },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1" }, new V1Container { Name = "sidecar", Image = "proxy:1" }] },
                },
            },
        });

        var patched = await Client.PatchAsync<V1Deployment>("web", Namespace, KubernetesPatch.StrategicMerge(new JsonObject
        {
            ["spec"] = new JsonObject
            {
                ["template"] = new JsonObject
                {
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = "web:2" }) },
                },
            },
        }));

        var containers = patched.Spec!.Template.Spec!.Containers;
        Assert.Equal(["web:2", "proxy:1"], containers.Select(c => c.Image));
    }

    [Fact]
    public async Task ServerSideApply_ConflictingManagerWithoutForce_IsRejectedAndWithForceTakesOver()
    {
        JsonObject Intent(string value) => new()
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "ssa", ["namespace"] = Namespace },
            ["data"] = new JsonObject { ["owner"] = value },
        };

        var first = await Client.PatchAsync<V1ConfigMap>("ssa", Namespace, KubernetesPatch.Apply(Intent("alice")), new WriteOptions { FieldManager = "alice" });
        Assert.Equal("alice", first.Data!["owner"]);

        var conflict = await Assert.ThrowsAsync<KubernetesException>(() =>
            Client.PatchAsync<V1ConfigMap>("ssa", Namespace, KubernetesPatch.Apply(Intent("bob")), new WriteOptions { FieldManager = "bob" }));
        Assert.True(conflict.IsConflict);
        Assert.Contains("alice", conflict.Message, StringComparison.Ordinal);

        var forced = await Client.PatchAsync<V1ConfigMap>("ssa", Namespace, KubernetesPatch.Apply(Intent("bob")), new WriteOptions { FieldManager = "bob", Force = true });
        Assert.Equal("bob", forced.Data!["owner"]);
    }

    [Fact]
    public async Task DryRun_Create_ValidatesButStoresNothing()
    {
        var answer = await Client.CreateAsync(
            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "ghost", Namespace = Namespace } }, new WriteOptions { DryRun = true });

        Assert.Equal("ghost", answer.Metadata.Name);
        Assert.Null(await Client.GetAsync<V1ConfigMap>("ghost", Namespace));
    }

    [Fact]
    public async Task ScaleSubresource_OfDeploymentAndCustomResource_ReadsAndWritesReplicas()
    {
        await Client.CreateAsync(new Widget
        {
            Metadata = new V1ObjectMeta { Name = "scaled", Namespace = Namespace },
            Spec = new WidgetSpec { Size = 1, Replicas = 2 },
        });

        var scale = await Client.GetScaleAsync<Widget>("scaled", Namespace);
        Assert.Equal(2, scale.Spec!.Replicas);
        scale.Spec.Replicas = 7;
        await Client.UpdateScaleAsync<Widget>("scaled", Namespace, scale);

        Assert.Equal(7, (await Client.GetAsync<Widget>("scaled", Namespace))!.Spec.Replicas);

        await Client.CreateAsync(new V1Deployment
        {
            Metadata = new V1ObjectMeta { Name = "scaled", Namespace = Namespace },
            Spec = new V1DeploymentSpec
            {
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "scaled" } },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "scaled" } },
                    Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:1" }] },
                },
            },
        });
        var deploymentScale = await Client.GetScaleAsync<V1Deployment>("scaled", Namespace);
        Assert.Equal("app=scaled", deploymentScale.Status?.Selector);
        deploymentScale.Spec!.Replicas = 3;

        // The deployment controller writes status concurrently; like `kubectl scale`, replace without a precondition.
        deploymentScale.Metadata.ResourceVersion = null;
        await Client.UpdateScaleAsync<V1Deployment>("scaled", Namespace, deploymentScale);
        Assert.Equal(3, (await Client.GetAsync<V1Deployment>("scaled", Namespace))!.Spec!.Replicas);
    }

    private Task<V1ConfigMap> CreateConfigMapAsync(string name, Dictionary<string, string> data) =>
        Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = name, Namespace = Namespace }, Data = data });
}
