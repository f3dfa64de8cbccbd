using System.Text.Json;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Sync;

public sealed class WorkloadTemplateTests
{
    private static Rollout Rollout(string? workloadRef, V1LabelSelector? selector = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Namespace = "shop" },
        Spec = new RolloutSpec
        {
            Selector = selector,
            WorkloadRef = workloadRef is null ? null : JsonDocument.Parse(workloadRef).RootElement.Clone(),
        },
    };

    private static V1Deployment Deployment() => new()
    {
        Metadata = new V1ObjectMeta { Name = "web", Namespace = "shop", Generation = 7 },
        Spec = new V1DeploymentSpec
        {
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web" } },
            Template = new V1PodTemplateSpec { Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "web:v2" }] } },
        },
    };

    private const string Reference = """{"apiVersion":"apps/v1","kind":"Deployment","name":"web","scaleDown":"onsuccess"}""";

    [Fact]
    public void Resolve_Deployment_CopyCarriesItsTemplateAndSelectorOriginalUntouched()
    {
        var rollout = Rollout(Reference);

        var resolved = WorkloadTemplate.Resolve(rollout, Deployment());

        Assert.Equal("web:v2", resolved.Rollout.Spec.Template!.Spec!.Containers[0].Image);
        Assert.Equal("web", resolved.Rollout.Spec.Selector!.MatchLabels!["app"]);
        Assert.Null(resolved.Rollout.Spec.WorkloadRef);
        Assert.Equal((7L, "onsuccess", (string?)null), (resolved.Generation, resolved.Reference!.ScaleDown, resolved.Problem));
        Assert.Null(rollout.Spec.Template);
        Assert.NotNull(rollout.Spec.WorkloadRef);
    }

    [Fact]
    public void Resolve_RolloutSelector_Kept()
    {
        var own = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "front" } };

        Assert.Equal("front", WorkloadTemplate.Resolve(Rollout(Reference, own), Deployment()).Rollout.Spec.Selector!.MatchLabels!["tier"]);
    }

    [Fact]
    public void Resolve_MissingDeployment_Problem() =>
        Assert.Equal("spec.workloadRef: deployments.apps \"web\" not found", WorkloadTemplate.Resolve(Rollout(Reference), null).Problem);

    [Theory]
    [InlineData(null)]
    [InlineData("""{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web"}""")]
    [InlineData("""{"apiVersion":"apps/v1","kind":"Deployment"}""")]
    public void Resolve_NoUsableReference_RolloutAsIs(string? reference)
    {
        var rollout = Rollout(reference);

        var resolved = WorkloadTemplate.Resolve(rollout, Deployment());

        Assert.Same(rollout, resolved.Rollout);
        Assert.Null(resolved.Problem);
    }
}
