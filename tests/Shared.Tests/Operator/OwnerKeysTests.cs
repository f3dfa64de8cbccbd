using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Tests.Operator;

public sealed class OwnerKeysTests
{
    private static readonly ResourceDescriptor Rollout = new("argoproj.io", "v1alpha1", "Rollout", "rollouts", Namespaced: true);
    private static readonly ResourceDescriptor Namespace = new("", "v1", "Namespace", "namespaces", Namespaced: false);

    public static TheoryData<string, string, bool?, string?, string?> Cases => new()
    {
        // apiVersion, kind, controller, object namespace, expected key
        { "argoproj.io/v1alpha1", "Rollout", true, "prod", "prod/web" },
        { "argoproj.io/v1", "Rollout", true, "prod", "prod/web" },
        { "argoproj.io/v1alpha1", "Rollout", false, "prod", null },
        { "argoproj.io/v1alpha1", "Rollout", null, "prod", null },
        { "apps/v1", "Rollout", true, "prod", null },
        { "argoproj.io/v1alpha1", "AnalysisRun", true, "prod", null },
        { "argoproj.io/v1alpha1", "Rollout", true, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ControllerOf_OwnerReference_KeyOfTheControllingRollout(string apiVersion, string kind, bool? controller, string? @namespace, string? expected)
    {
        var metadata = new V1ObjectMeta
        {
            Name = "web-abc",
            Namespace = @namespace,
            OwnerReferences = [new V1OwnerReference { ApiVersion = apiVersion, Kind = kind, Name = "web", Uid = "u1", Controller = controller }],
        };

        Assert.Equal(expected, OwnerKeys.ControllerOf(metadata, Rollout)?.ToString());
    }

    [Fact]
    public void ControllerOf_ClusterScopedOwner_KeyWithoutNamespace()
    {
        var metadata = new V1ObjectMeta
        {
            Name = "quota",
            Namespace = "prod",
            OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "Namespace", Name = "prod", Uid = "u1", Controller = true }],
        };

        Assert.Equal(new EntityKey(null, "prod"), OwnerKeys.ControllerOf(metadata, Namespace));
    }

    [Fact]
    public void ControllerOf_SeveralReferences_TheControllingOne()
    {
        var metadata = new V1ObjectMeta
        {
            Name = "web-abc",
            Namespace = "prod",
            OwnerReferences =
            [
                new V1OwnerReference { ApiVersion = "argoproj.io/v1alpha1", Kind = "Rollout", Name = "other", Uid = "u0" },
                new V1OwnerReference { ApiVersion = "argoproj.io/v1alpha1", Kind = "Rollout", Name = "web", Uid = "u1", Controller = true },
            ],
        };

        Assert.Equal(new EntityKey("prod", "web"), OwnerKeys.ControllerOf(metadata, Rollout));
    }

    [Fact]
    public void ControllerOf_NoReferences_Null() =>
        Assert.Null(OwnerKeys.ControllerOf(new V1ObjectMeta { Name = "web-abc", Namespace = "prod" }, Rollout));
}
