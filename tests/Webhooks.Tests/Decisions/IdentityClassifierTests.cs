using Tollgate.Webhooks.Decisions;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tests.Decisions;

public sealed class IdentityClassifierTests
{
    [Theory]
    [InlineData("system:serviceaccount:argocd:argocd-application-controller", "system:serviceaccounts", IdentityKind.Controller)]
    [InlineData("system:serviceaccount:argocd:argocd-server", "system:serviceaccounts", IdentityKind.Controller)]
    [InlineData("system:serviceaccount:argocd:argocd-applicationset-controller", "", IdentityKind.Controller)]
    [InlineData("system:serviceaccount:tollgate-system:tollgate-rollouts", "", IdentityKind.Controller)]
    [InlineData("system:serviceaccount:argocd:argocd-dex-server", "system:serviceaccounts", IdentityKind.Human)]
    [InlineData("system:serviceaccount:kube-system:horizontal-pod-autoscaler", "system:serviceaccounts", IdentityKind.System)]
    [InlineData("system:serviceaccount:kube-system:generic-garbage-collector", "", IdentityKind.System)]
    [InlineData("system:serviceaccount:kube-system:namespace-controller", "", IdentityKind.System)]
    [InlineData("system:kube-controller-manager", "", IdentityKind.System)]
    [InlineData("system:node:worker-1", "system:nodes", IdentityKind.System)]
    [InlineData("kubernetes-admin", "system:masters", IdentityKind.Admin)]
    [InlineData("dev-user", "dev-team", IdentityKind.Human)]
    [InlineData("", "", IdentityKind.Human)]
    public void Classify_DefaultSettings_Kind(string user, string groups, IdentityKind expected)
    {
        var requester = IdentityClassifier.Classify(TollgateSettings.Default, user, groups.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(expected, requester.Kind);
    }

    [Theory]
    [InlineData("oncall", "dev-team,tollgate:break-glass", true)]
    [InlineData("dev-user", "dev-team", false)]
    [InlineData("admin", "system:masters,tollgate:break-glass", true)]
    public void Classify_BreakGlassGroup_Membership(string user, string groups, bool expected) =>
        Assert.Equal(expected, IdentityClassifier.Classify(TollgateSettings.Default, user, groups.Split(',')).BreakGlassMember);

    [Fact]
    public void Classify_ControllerInAdminGroup_ControllerWins()
    {
        var requester = IdentityClassifier.Classify(
            TollgateSettings.Default, "system:serviceaccount:argocd:argocd-application-controller", ["system:masters"]);

        Assert.Equal(IdentityKind.Controller, requester.Kind);
    }
}
