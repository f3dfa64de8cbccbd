using Tollgate.Testing.ControlPlane;

namespace Tollgate.Webhooks.Tests.Support;

/// <summary>The identities of the user's scenario, each with a real kubeconfig.</summary>
public sealed record ScenarioUsers(KubeUser Developer, KubeUser Platform, KubeUser Controller, KubeUser OnCall)
{
    public const string ControllerName = "system:serviceaccount:argocd:argocd-application-controller";
    public const string BreakGlassGroup = "tollgate:break-glass";
}
