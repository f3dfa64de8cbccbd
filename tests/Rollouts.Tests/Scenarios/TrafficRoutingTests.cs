using System.Text.Json.Nodes;
using Tollgate.Rollouts.Strategy;
using Tollgate.Rollouts.TrafficRouting.GatewayApi;
using Tollgate.Rollouts.TrafficRouting.Istio;
using Tollgate.Rollouts.TrafficRouting.Nginx;
using Tollgate.Rollouts.TrafficRouting.Smi;
using Tollgate.Rollouts.Tests.Support;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Scenarios;

/// <summary>
/// Traffic-routed canaries on the real control plane: each router's object is watched, so every weight Tollgate writes
/// is seen in order; the Ingress kind is built in, HTTPRoute and TrafficSplit come from tests/Testing/Crds.
/// </summary>
[Collection(SecondPlaneCollection.Name)]
public sealed class TrafficRoutingTests(ControlPlaneFixture fixture, PrometheusFixture prometheus) : RolloutTest(fixture, prometheus)
{
    private const string CanaryIngress = "web-app-web-canary";

    private static readonly ResourceDescriptor ReplicaSets = new("apps", "v1", "ReplicaSet", "replicasets", true);

    private static readonly ResourceDescriptor ServiceKind = new("", "v1", "Service", "services", true);

    [Fact]
    public async Task Nginx_SeedCanary_WeightAtEveryStepThenServicesMoveAndWeightZero()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        await using var weights = ObjectWatch.Start(Client, NginxRouter.Ingresses, Namespace, CanaryIngress, NginxWeight);
        var v1 = await DeployV1Async(TrafficRoutingYaml.Nginx);

        var v2 = await StepThroughSeedAsync(TrafficRoutingYaml.Nginx, v1);

        await WaitForRolloutAsync("web-app", "v2 stable, v1 scaled down", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        Assert.Equal([0, 10, 30, 50, 100, 0], await weights.DistinctAsync(6));
        var canary = await Client.Resource(NginxRouter.Ingresses).GetAsync(CanaryIngress, Namespace);
        Assert.Equal("true", canary!["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/canary"]!.GetValue<string>());
        Assert.Equal("X-Canary", canary["metadata"]!["annotations"]!["nginx.ingress.kubernetes.io/canary-by-header"]!.GetValue<string>());
        Assert.Equal("nginx", canary["metadata"]!["annotations"]!["kubernetes.io/ingress.class"]!.GetValue<string>());
        var rules = canary["spec"]!["rules"]!.AsArray();
        var rule = Assert.Single(rules);
        Assert.Equal("web-canary", rule!["http"]!["paths"]![0]!["backend"]!["service"]!["name"]!.GetValue<string>());
        Assert.Equal("shop-tls", canary["spec"]!["tls"]![0]!["secretName"]!.GetValue<string>());
        Assert.Equal("web-app", canary["metadata"]!["ownerReferences"]![0]!["name"]!.GetValue<string>());
        var stable = await Client.Resource(NginxRouter.Ingresses).GetAsync("web", Namespace);
        Assert.Equal("web-stable", stable!["spec"]!["rules"]![0]!["http"]!["paths"]![0]!["backend"]!["service"]!["name"]!.GetValue<string>());
        Assert.Equal(v2, await SelectorAsync("web-stable"));
        Assert.Equal(v2, await SelectorAsync("web-canary"));
        var old = Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v1);
        Assert.Equal(0, SpecReplicas(old));
    }

    [Fact]
    public async Task Nginx_Abort_WeightZeroBeforeCanaryScalesDown_CanaryServiceBackOnStable()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        var v1 = await DeployV1Async(TrafficRoutingYaml.Nginx);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.Nginx));
        var atThirty = await PausedAtAsync(1);
        await PromoteAsync();
        atThirty = await PausedAtAsync(3);
        var v2 = atThirty.Status!.CurrentPodHash!;
        Assert.Equal("30", await NginxWeightAsync());
        Assert.Equal(2, SpecReplicas(Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v2)));
        await using var weights = ObjectWatch.Start(Client, NginxRouter.Ingresses, Namespace, CanaryIngress, NginxWeight);
        await using var canaryScale = ObjectWatch.Start(Client, ReplicaSets, Namespace, $"web-app-{v2}", rs => rs["spec"]?["replicas"]?.GetValue<int>());

        await PatchStatusAsync("web-app", new JsonObject { ["abort"] = true });

        var aborted = await WaitForRolloutAsync("web-app", "aborted with the canary drained", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true && r.Status.UpdatedReplicas == 0);
        Assert.Equal(0, aborted.Status!.Canary!.Weights!.Canary.Weight);
        var weightChanges = await weights.ChangesAsync(2);
        var scaleChanges = await canaryScale.ChangesAsync(2);
        var zeroWeight = weightChanges.Last(c => c.Value == 0).ResourceVersion;
        var scaledDown = scaleChanges.First(c => c.Value == 0).ResourceVersion;
        // etcd revisions order every write of the control plane: the weight went to 0 before the canary was scaled down.
        Assert.True(zeroWeight < scaledDown, $"weight 0 at {zeroWeight}, canary scaled to 0 at {scaledDown}");
        Assert.Equal(v1, await SelectorAsync("web-canary"));
        Assert.Equal(v1, await SelectorAsync("web-stable"));
    }

    [Fact]
    public async Task Nginx_ScaleDownDelay_PreviousStableAnnotatedKeepsPodsUntilDeadlineThenZero()
    {
        const string delay = "      scaleDownDelaySeconds: 5\n";
        const string steps = "- setWeight: 50";
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.Nginx, steps, delay));
        var v1 = (await WaitForRolloutAsync("web-app", "v1 healthy and routed", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4 && r.Status.Canary?.Weights is not null)).Status!.StableRS!;
        await using var deadline = ObjectWatch.Start(Client, ReplicaSets, Namespace, $"web-app-{v1}", rs => rs["metadata"]?["annotations"]?[ScaleDownDeadline.Annotation] is null ? 0 : 1);
        await using var scale = ObjectWatch.Start(Client, ReplicaSets, Namespace, $"web-app-{v1}", rs => rs["spec"]?["replicas"]?.GetValue<int>());
        await using var stableService = ObjectWatch.Start(Client, ServiceKind, Namespace, "web-stable", s => s["spec"]?["selector"]?["rollouts-pod-template-hash"]?.GetValue<string>() == v1 ? 1 : 2);

        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.Nginx, steps, delay));

        var promoted = await WaitForRolloutAsync("web-app", "v2 stable, v1 scaled down after its delay", r => r.Status?.Phase == "Healthy" && r.Status.StableRS != v1 && r.Status.Replicas == 4);
        var annotated = (await deadline.ChangesAsync(2)).Single(c => c.Value == 1).ResourceVersion;
        var replicas = await scale.ChangesAsync(2);
        var movedToV2 = (await stableService.ChangesAsync(2)).Single(c => c.Value == 2).ResourceVersion;
        Assert.Equal([4, 0], replicas.Select(c => c.Value));
        // etcd revisions order the writes: the Service moved to v2, then v1 got its deadline with its 4 pods, then went to 0.
        Assert.True(movedToV2 < annotated, $"stable Service moved at {movedToV2}, v1 annotated at {annotated}");
        Assert.True(annotated < replicas[1].ResourceVersion, $"v1 annotated at {annotated}, scaled to 0 at {replicas[1].ResourceVersion}");
        var old = Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v1);
        Assert.True(ScaleDownDeadline.TryParse(old.Metadata.Annotations![ScaleDownDeadline.Annotation], out _));
        Assert.Equal(promoted.Status!.StableRS, await SelectorAsync("web-stable"));
    }

    [Fact]
    public async Task Nginx_StableIngressDeletedMidRollout_InvalidSpecLastWeightKeptThenRecovers()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        await DeployV1Async(TrafficRoutingYaml.Nginx);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.Nginx));
        await PausedAtAsync(1);
        Assert.Equal("10", await NginxWeightAsync());
        await Client.Resource(NginxRouter.Ingresses).DeleteAsync("web", Namespace);

        await PromoteAsync();

        var invalid = await WaitForRolloutAsync("web-app", "InvalidSpec naming the Ingress",
            r => r.Status?.Conditions?.Any(c => c.Type == "InvalidSpec" && c.Message!.Contains("ingress `web` not found", StringComparison.Ordinal)) == true);
        Assert.Equal(10, invalid.Status!.Canary!.Weights!.Canary.Weight);
        Assert.Equal("10", await NginxWeightAsync());
        await WaitForEventAsync("TrafficRoutingError", "ingress `web` not found");
        await WaitForEventAsync("InvalidSpec", "ingress `web` not found");
        Assert.False(Controller.HasExited, Controller.Tail());

        await ApplyAsync(TrafficRoutingYaml.StableIngress);

        var resumed = await PausedAtAsync(3);
        Assert.Equal(30, resumed.Status!.Canary!.Weights!.Canary.Weight);
        Assert.Equal("30", await NginxWeightAsync());
        Assert.DoesNotContain(resumed.Status.Conditions ?? [], c => c.Type == "InvalidSpec");
    }

    [Fact]
    public async Task Nginx_PromoteFull_KeepsWeightUntilCanaryFullThenServicesMove()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        var v1 = await DeployV1Async(TrafficRoutingYaml.Nginx);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.Nginx));
        var paused = await PausedAtAsync(1);
        var v2 = paused.Status!.CurrentPodHash!;
        await using var weights = ObjectWatch.Start(Client, NginxRouter.Ingresses, Namespace, CanaryIngress, NginxWeight);

        await PatchStatusAsync("web-app", new JsonObject { ["promoteFull"] = true });

        await WaitForRolloutAsync("web-app", "v2 stable", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        // Argo keeps the weight it had on promote --full; the stable Service moves to the full canary, then the weight is 0.
        Assert.Equal([10, 0], await weights.DistinctAsync(2));
        Assert.Equal(v2, await SelectorAsync("web-stable"));
        Assert.NotEqual(v1, v2);
    }

    [Fact]
    public async Task Smi_SeedCanary_TrafficSplitWeightAtEveryStep()
    {
        await ApplyAsync(TrafficRoutingYaml.Services);
        await using var weights = ObjectWatch.Start(Client, SmiRouter.TrafficSplits, Namespace, "web-app", SmiCanaryWeight);
        var v1 = await DeployV1Async(TrafficRoutingYaml.Smi);

        var v2 = await StepThroughSeedAsync(TrafficRoutingYaml.Smi, v1);

        await WaitForRolloutAsync("web-app", "v2 stable", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        Assert.Equal([0, 10, 30, 50, 100, 0], await weights.DistinctAsync(6));
        var split = await Client.Resource(SmiRouter.TrafficSplits).GetAsync("web-app", Namespace);
        Assert.Equal("web", split!["spec"]!["service"]!.GetValue<string>());
        var backends = split["spec"]!["backends"]!.AsArray();
        Assert.Equal(["web-canary", "web-stable"], backends.Select(b => b!["service"]!.GetValue<string>()));
        Assert.Equal("100", backends[1]!["weight"]!.GetValue<string>());
    }

    [Fact]
    public async Task Istio_SeedCanary_VirtualServiceDestinationWeightsAtEveryStep()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.VirtualService);
        await using var weights = ObjectWatch.Start(Client, IstioRouter.VirtualServices, Namespace, "web-vs", VirtualServiceCanaryWeight);
        var v1 = await DeployV1Async(TrafficRoutingYaml.Istio);

        var v2 = await StepThroughSeedAsync(TrafficRoutingYaml.Istio, v1);

        await WaitForRolloutAsync("web-app", "v2 stable", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        Assert.Equal([0, 10, 30, 50, 100, 0], await weights.DistinctAsync(6));
        var service = await Client.Resource(IstioRouter.VirtualServices).GetAsync("web-vs", Namespace);
        var route = service!["spec"]!["http"]![0]!;
        Assert.Equal(3, route["retries"]!["attempts"]!.GetValue<int>());
        Assert.Equal("edge", service["spec"]!["gateways"]![0]!.GetValue<string>());
        Assert.Equal(100, route["route"]![0]!["weight"]!.GetValue<int>());
        Assert.Equal(80, route["route"]![1]!["destination"]!["port"]!["number"]!.GetValue<int>());
    }

    [Fact]
    public async Task IstioSubsets_SeedCanary_SubsetsFollowReplicaSetsWeightsAtEveryStep()
    {
        await ApplyAsync(TrafficRoutingYaml.SubsetRouting);
        await using var weights = ObjectWatch.Start(Client, IstioRouter.VirtualServices, Namespace, "web-vs", SubsetCanaryWeight);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.IstioSubsets, services: false));
        var v1 = (await WaitForRolloutAsync("web-app", "v1 healthy and routed", r => r.Status?.Phase == "Healthy" && r.Status.Canary?.Weights is not null)).Status!.StableRS!;
        Assert.Equal((v1, v1), await SubsetHashesAsync());
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.IstioSubsets, services: false));
        string v2 = "";
        foreach (var (pause, weight) in new[] { (1, 10), (3, 30), (5, 50) })
        {
            var paused = await PausedAtAsync(pause);
            v2 = paused.Status!.CurrentPodHash!;
            Assert.Equal(weight, paused.Status.Canary!.Weights!.Canary.Weight);
            Assert.Equal((v2, v1), await SubsetHashesAsync());
            await PromoteAsync();
        }

        await WaitForRolloutAsync("web-app", "v2 stable", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        Assert.Equal([0, 10, 30, 50, 100, 0], await weights.DistinctAsync(6));
        await TestControlPlane.WaitUntilAsync("both subsets on v2", async _ => await SubsetHashesAsync() == (v2, v2), TimeSpan.FromSeconds(30));
        var rule = await Client.Resource(IstioRouter.DestinationRules).GetAsync("web-dr", Namespace);
        Assert.Equal("ISTIO_MUTUAL", rule!["spec"]!["trafficPolicy"]!["tls"]!["mode"]!.GetValue<string>());
        Assert.Equal("true", rule["spec"]!["subsets"]![2]!["labels"]!["debug"]!.GetValue<string>());
        Assert.Null(rule["spec"]!["subsets"]![2]!["labels"]!["rollouts-pod-template-hash"]);
        Assert.Equal("web-app", rule["metadata"]!["annotations"]!["argo-rollouts.argoproj.io/managed-by-rollouts"]!.GetValue<string>());
    }

    [Fact]
    public async Task GatewayApi_SeedCanary_HttpRouteWeightsPatchedAndNothingElse()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.HttpRoute);
        await using var weights = ObjectWatch.Start(Client, GatewayApiRouter.HttpRoutes, Namespace, "web-route", HttpRouteCanaryWeight);
        await using var labels = ObjectWatch.Start(Client, GatewayApiRouter.HttpRoutes, Namespace, "web-route", InProgressLabel);
        var v1 = await DeployV1Async(TrafficRoutingYaml.GatewayApi);

        var v2 = await StepThroughSeedAsync(TrafficRoutingYaml.GatewayApi, v1);

        await WaitForRolloutAsync("web-app", "v2 stable", r => r.Status?.Phase == "Healthy" && r.Status.StableRS == v2 && r.Status.Replicas == 4);
        Assert.Equal([0, 10, 30, 50, 100, 0], await weights.DistinctAsync(6));
        Assert.Equal([0, 1, 0], await labels.DistinctAsync(3));
        var route = await Client.Resource(GatewayApiRouter.HttpRoutes).GetAsync("web-route", Namespace);
        var refs = route!["spec"]!["rules"]![0]!["backendRefs"]!.AsArray();
        Assert.Equal(100, refs[0]!["weight"]!.GetValue<int>());
        Assert.Equal(0, refs[1]!["weight"]!.GetValue<int>());
        Assert.Equal("platform", route["metadata"]!["labels"]!["owner"]!.GetValue<string>());
        Assert.Equal("edge", route["spec"]!["parentRefs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("/", route["spec"]!["rules"]![0]!["matches"]![0]!["path"]!["value"]!.GetValue<string>());
        Assert.Null(route["metadata"]!["ownerReferences"]);
    }

    [Fact]
    public async Task GatewayApi_RouteWithoutCanaryBackend_InvalidSpecNamesIt()
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.HttpRoute.Replace("name: web-canary", "name: other", StringComparison.Ordinal));

        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.GatewayApi));

        await WaitForRolloutAsync("web-app", "InvalidSpec naming the backendRef",
            r => r.Status?.Conditions?.Any(c => c.Type == "InvalidSpec" && c.Message!.Contains("backendRef was not found in httpRoute", StringComparison.Ordinal)) == true);
        Assert.False(Controller.HasExited, Controller.Tail());
    }

    [Fact]
    public async Task GatewayApi_HeaderRoute_SetAtItsStepRemovedAtPromotion()
    {
        const string steps = "- setWeight: 25\n- setHeaderRoute:\n    name: canary-header\n    match:\n    - headerName: X-Canary\n      headerValue: {exact: \"yes\"}\n- pause: {}";
        const string routing = TrafficRoutingYaml.GatewayApi + "\nmanagedRoutes:\n- name: canary-header";
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.HttpRoute);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", routing, steps));
        await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4 && r.Status.Canary?.Weights is not null);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", routing, steps));

        await PausedAtAsync(2);

        var route = await Client.Resource(GatewayApiRouter.HttpRoutes).GetAsync("web-route", Namespace);
        var rules = route!["spec"]!["rules"]!.AsArray();
        Assert.Equal(2, rules.Count);
        var header = rules[1]!;
        Assert.Equal("canary-header", header["name"]!.GetValue<string>());
        Assert.Equal("""[{"name":"web-canary","group":"","kind":"Service","port":80}]""", Sorted(header["backendRefs"]!));
        var match = header["matches"]![0]!;
        Assert.Equal("/", match["path"]!["value"]!.GetValue<string>());
        Assert.Equal("""[{"name":"X-Canary","type":"Exact","value":"yes"}]""", match["headers"]!.ToJsonString());
        Assert.Equal(25, rules[0]!["backendRefs"]![1]!["weight"]!.GetValue<int>());

        await PromoteAsync();

        await WaitForRolloutAsync("web-app", "v2 healthy", r => r.Status?.Phase == "Healthy" && r.Status.Replicas == 4 && r.Status.Canary?.Weights?.Canary.Weight == 0);
        await TestControlPlane.WaitUntilAsync("managed rule removed", async token =>
            (await Client.Resource(GatewayApiRouter.HttpRoutes).GetAsync("web-route", Namespace, token))!["spec"]!["rules"]!.AsArray().Count == 1, TimeSpan.FromSeconds(30));
        route = await Client.Resource(GatewayApiRouter.HttpRoutes).GetAsync("web-route", Namespace);
        Assert.Equal("/", route!["spec"]!["rules"]![0]!["matches"]![0]!["path"]!["value"]!.GetValue<string>());
        Assert.Equal(0, route["spec"]!["rules"]![0]!["backendRefs"]![1]!["weight"]!.GetValue<int>());
    }

    /// <summary>
    /// v1 healthy behind the Istio VirtualService (with the user's <c>admin</c> route) and managedRoutes, then v2 paused
    /// at its third step; returns the admin route as it was before the update.
    /// </summary>
    private async Task<JsonNode> UpdateWithManagedRoutesAsync(string steps)
    {
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.VirtualServiceWithAdmin);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.IstioManagedRoutes, steps));
        await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4 && r.Status.Canary?.Weights is not null);
        var admin = (await HttpRoutesAsync())[1]!.DeepClone();
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.IstioManagedRoutes, steps));
        await PausedAtAsync(2);
        return admin;
    }

    [Fact]
    public async Task Istio_HeaderRoute_SetAtItsStepRemovedAtPromotion()
    {
        const string steps = "- setWeight: 25\n" + TrafficRoutingYaml.HeaderRouteStep + "\n- pause: {}";
        var admin = await UpdateWithManagedRoutesAsync(steps);

        var http = await HttpRoutesAsync();
        Assert.Equal(["canary-header", "primary", "admin"], http.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal("""[{"headers":{"X-Canary":{"exact":"yes"}}}]""", http[0]!["match"]!.ToJsonString());
        Assert.Equal("""[{"destination":{"host":"web-canary","port":{"number":80}},"weight":100}]""", Sorted(http[0]!["route"]!));
        Assert.Equal(25, http[1]!["route"]![1]!["weight"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(admin, http[2]), http[2]!.ToJsonString());
        await WaitForEventAsync("Updated VirtualService", "set headerRoute 'canary-header'");

        await PromoteAsync();

        await WaitForRolloutAsync("web-app", "v2 healthy", r => r.Status?.Phase == "Healthy" && r.Status.Replicas == 4 && r.Status.Canary?.Weights?.Canary.Weight == 0);
        await TestControlPlane.WaitUntilAsync("header route removed", async _ => (await HttpRoutesAsync()).Count == 2, TimeSpan.FromSeconds(30));
        http = await HttpRoutesAsync();
        Assert.Equal(["primary", "admin"], http.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal(3, http[0]!["retries"]!["attempts"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(admin, http[1]), http[1]!.ToJsonString());
        await WaitForEventAsync("Updated VirtualService", "removed all managed routes.");
    }

    [Fact]
    public async Task Istio_MirrorRoute_SetFirstReweighedRemovedAtPromotion_UserRoutesUntouched()
    {
        const string steps = "- setWeight: 20\n" + TrafficRoutingYaml.MirrorRouteStep + "\n- pause: {}\n- setWeight: 40\n- pause: {}";
        var admin = await UpdateWithManagedRoutesAsync(steps);

        var http = await HttpRoutesAsync();
        Assert.Equal(["mirror-route", "primary", "admin"], http.Select(r => r!["name"]!.GetValue<string>()));
        var mirror = http[0]!;
        Assert.Equal("""[{"method":{"exact":"GET"},"uri":{"prefix":"/api"}}]""", mirror["match"]!.ToJsonString());
        Assert.Equal("""{"host":"web-canary","port":{"number":80}}""", mirror["mirror"]!.ToJsonString());
        Assert.Equal(35, mirror["mirrorPercentage"]!["value"]!.GetValue<int>());
        Assert.Equal([80, 20], mirror["route"]!.AsArray().Select(d => d!["weight"]!.GetValue<int>()));
        Assert.Equal(["web-stable", "web-canary"], mirror["route"]!.AsArray().Select(d => d!["destination"]!["host"]!.GetValue<string>()));
        Assert.True(JsonNode.DeepEquals(admin, http[2]), http[2]!.ToJsonString());
        await WaitForEventAsync("Updated VirtualService", "set mirrorRoute 'mirror-route'");

        await PromoteAsync();

        await PausedAtAsync(4);
        http = await HttpRoutesAsync();
        Assert.Equal([60, 40], http[0]!["route"]!.AsArray().Select(d => d!["weight"]!.GetValue<int>()));
        Assert.Equal([60, 40], http[1]!["route"]!.AsArray().Select(d => d!["weight"]!.GetValue<int>()));

        await PromoteAsync();

        await WaitForRolloutAsync("web-app", "v2 healthy", r => r.Status?.Phase == "Healthy" && r.Status.Replicas == 4 && r.Status.Canary?.Weights?.Canary.Weight == 0);
        await TestControlPlane.WaitUntilAsync("mirror route removed", async _ => (await HttpRoutesAsync()).Count == 2, TimeSpan.FromSeconds(30));
        http = await HttpRoutesAsync();
        Assert.Equal(["primary", "admin"], http.Select(r => r!["name"]!.GetValue<string>()));
        Assert.Equal("""{"prefix":"/"}""", http[0]!["match"]![0]!["uri"]!.ToJsonString());
        Assert.True(JsonNode.DeepEquals(admin, http[1]), http[1]!.ToJsonString());
    }

    [Fact]
    public async Task IstioSubsets_Abort_HeaderAndMirrorRoutesToCanarySubsetRemoved()
    {
        const string steps = "- setWeight: 25\n" + TrafficRoutingYaml.HeaderRouteStep + "\n" + TrafficRoutingYaml.MirrorRouteStep + "\n- pause: {}";
        await ApplyAsync(TrafficRoutingYaml.SubsetRouting);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.IstioSubsetsManagedRoutes, steps, services: false));
        await WaitForRolloutAsync("web-app", "v1 healthy and routed", r => r.Status?.Phase == "Healthy" && r.Status.Canary?.Weights is not null);
        var user = (await HttpRoutesAsync())[0]!.DeepClone();
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.IstioSubsetsManagedRoutes, steps, services: false));

        await PausedAtAsync(3);

        var http = await HttpRoutesAsync();
        Assert.Equal(3, http.Count);
        Assert.Equal("mirror-route", http[0]!["name"]!.GetValue<string>());
        Assert.Equal("""{"host":"web","subset":"canary"}""", http[0]!["mirror"]!.ToJsonString());
        Assert.Equal("canary-header", http[1]!["name"]!.GetValue<string>());
        Assert.Equal("""[{"destination":{"host":"web","subset":"canary"},"weight":100}]""", Sorted(http[1]!["route"]!));
        Assert.Equal(25, SubsetCanaryWeightOfRoute(http[2]!.AsObject()));

        await PatchStatusAsync("web-app", new JsonObject { ["abort"] = true });

        await WaitForRolloutAsync("web-app", "aborted with the canary drained", r => r.Status?.Phase == "Degraded" && r.Status.Abort == true && r.Status.UpdatedReplicas == 0);
        await TestControlPlane.WaitUntilAsync("managed routes removed", async _ => (await HttpRoutesAsync()).Count == 1, TimeSpan.FromSeconds(30));
        http = await HttpRoutesAsync();
        Assert.Equal(0, SubsetCanaryWeightOfRoute(http[0]!.AsObject()));
        Assert.True(JsonNode.DeepEquals(user, http[0]), http[0]!.ToJsonString());
    }

    [Fact]
    public async Task DynamicStableScale_SetCanaryScaleThenMatchTrafficWeight_StableShrinksWithTraffic()
    {
        const string steps = "- setCanaryScale: {replicas: 1}\n- setWeight: 25\n- pause: {}\n- setCanaryScale: {matchTrafficWeight: true}\n- setWeight: 75\n- pause: {}";
        await ApplyAsync(TrafficRoutingYaml.Services + "\n---\n" + TrafficRoutingYaml.StableIngress);
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", TrafficRoutingYaml.Nginx, steps, "      dynamicStableScale: true\n"));
        var v1 = (await WaitForRolloutAsync("web-app", "v1 healthy", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4)).Status!.StableRS;
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", TrafficRoutingYaml.Nginx, steps, "      dynamicStableScale: true\n"));

        var first = await PausedAtAsync(2);
        var v2 = first.Status!.CurrentPodHash!;
        // setCanaryScale 1 pod. Argo sizes the stable from the setCanaryScale's weight (none: 0), not the 25% routed, so
        // with explicit canary replicas the stable stays full.
        await WaitForReplicasAsync(v2, 1);
        Assert.Equal(4, SpecReplicas(Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v1)));
        Assert.Equal("25", await NginxWeightAsync());

        await PromoteAsync();

        await PausedAtAsync(5);
        // matchTrafficWeight: the canary follows 75% = 3 pods; the stable keeps ceil(25% of 4) = 1.
        await WaitForReplicasAsync(v2, 3);
        await WaitForReplicasAsync(v1!, 1);
        Assert.Equal("75", await NginxWeightAsync());
    }

    private async Task<string> DeployV1Async(string routing)
    {
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v1", routing));
        var v1 = await WaitForRolloutAsync("web-app", "v1 healthy and routed", r => r.Status?.Phase == "Healthy" && r.Status.AvailableReplicas == 4 && r.Status.Canary?.Weights is not null);
        return v1.Status!.StableRS!;
    }

    /// <summary>v2 through 10/30/50/100, checking replica counts and Services at each pause.</summary>
    private async Task<string> StepThroughSeedAsync(string routing, string v1)
    {
        await ApplyAsync(TrafficRoutingYaml.Rollout("myapp:v2", routing));
        foreach (var (pause, weight, canaryPods) in new[] { (1, 10, 1), (3, 30, 2), (5, 50, 2) })
        {
            var paused = await PausedAtAsync(pause);
            var v2 = paused.Status!.CurrentPodHash!;
            Assert.Equal(weight, paused.Status.Canary!.Weights!.Canary.Weight);
            Assert.Equal(v2, paused.Status.Canary.Weights.Canary.PodTemplateHash);
            Assert.Equal(v1, paused.Status.Canary.Weights.Stable.PodTemplateHash);
            await WaitForReplicasAsync(v2, canaryPods);
            Assert.Equal(4, SpecReplicas(Assert.Single(await ReplicaSetsAsync(), rs => Hash(rs) == v1)));
            Assert.Equal(v1, await SelectorAsync("web-stable"));
            Assert.Equal(v2, await SelectorAsync("web-canary"));
            await PromoteAsync();
        }

        return (await GetRolloutAsync("web-app"))!.Status!.CurrentPodHash!;
    }

    private Task<Rollout> PausedAtAsync(int step) =>
        WaitForRolloutAsync("web-app", $"paused at step {step}", r => r.Status?.Phase == "Paused" && r.Status.CurrentStepIndex == step);

    /// <summary>kubectl argo rollouts promote: the pause condition is cleared.</summary>
    private Task PromoteAsync() => PatchStatusAsync("web-app", new JsonObject { ["pauseConditions"] = null });

    private async Task WaitForReplicasAsync(string hash, int replicas) =>
        await TestControlPlane.WaitUntilAsync($"ReplicaSet {hash} at {replicas}", async _ =>
            (await ReplicaSetsAsync()).Any(rs => Hash(rs) == hash && SpecReplicas(rs) == replicas), TimeSpan.FromSeconds(60));

    private async Task WaitForEventAsync(string reason, string messagePart) =>
        await TestControlPlane.WaitUntilAsync($"event {reason}", async token =>
            (await Client.ListAsync<Corev1Event>(Namespace, cancellationToken: token)).Items
                .Any(e => e.Reason == reason && e.Message?.Contains(messagePart, StringComparison.Ordinal) == true), TimeSpan.FromSeconds(60));

    private async Task<string?> NginxWeightAsync() =>
        (await Client.Resource(NginxRouter.Ingresses).GetAsync(CanaryIngress, Namespace))?["metadata"]?["annotations"]?["nginx.ingress.kubernetes.io/canary-weight"]?.GetValue<string>();

    /// <summary>JSON of an array of objects with keys in a fixed order (the API server keeps its own).</summary>
    private static string Sorted(JsonNode array) =>
        new JsonArray([.. array.AsArray().Select(item => (JsonNode)new JsonObject(item!.AsObject().OrderBy(p => p.Key == "name" ? "" : p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))))]).ToJsonString();

    private static int? NginxWeight(JsonObject ingress) =>
        ingress["metadata"]?["annotations"]?["nginx.ingress.kubernetes.io/canary-weight"]?.GetValue<string>() is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int? VirtualServiceCanaryWeight(JsonObject service) =>
        service["spec"]?["http"]?[0]?["route"]?.AsArray().FirstOrDefault(r => r?["destination"]?["host"]?.GetValue<string>() == "web-canary")?["weight"]?.GetValue<int>();

    private async Task<(string? Canary, string? Stable)> SubsetHashesAsync()
    {
        var subsets = (await Client.Resource(IstioRouter.DestinationRules).GetAsync("web-dr", Namespace))!["spec"]!["subsets"]!.AsArray();
        string? Hash(string name) => subsets.First(s => s!["name"]!.GetValue<string>() == name)!["labels"]?["rollouts-pod-template-hash"]?.GetValue<string>();
        return (Hash("canary"), Hash("stable"));
    }

    private static int? SubsetCanaryWeight(JsonObject service) => SubsetCanaryWeightOfRoute(service["spec"]?["http"]?[0] as JsonObject);

    private static int? SubsetCanaryWeightOfRoute(JsonObject? route) =>
        route?["route"]?.AsArray().FirstOrDefault(r => r?["destination"]?["subset"]?.GetValue<string>() == "canary")?["weight"]?.GetValue<int>();

    private async Task<JsonArray> HttpRoutesAsync() =>
        (await Client.Resource(IstioRouter.VirtualServices).GetAsync("web-vs", Namespace))!["spec"]!["http"]!.AsArray();

    private static int? SmiCanaryWeight(JsonObject split) =>
        split["spec"]?["backends"]?[0]?["weight"]?.GetValue<string>() is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static int? HttpRouteCanaryWeight(JsonObject route) =>
        route["spec"]?["rules"]?[0]?["backendRefs"]?.AsArray().FirstOrDefault(r => r?["name"]?.GetValue<string>() == "web-canary")?["weight"]?.GetValue<int>();

    private static int? InProgressLabel(JsonObject route) =>
        route["metadata"]?["labels"]?["rollouts.argoproj.io/gatewayapi-canary"]?.GetValue<string>() == "in-progress" ? 1 : 0;
}
