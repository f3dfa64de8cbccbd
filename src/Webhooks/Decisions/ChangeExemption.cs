namespace Tollgate.Webhooks.Decisions;

/// <summary>Changes to a managed object that are not drift, because Argo CD's own tools make them that way.</summary>
public enum ChangeExemption
{
    None,

    /// <summary>An update of an Application that only sets <c>.operation</c> (a sync requested with kubectl); the Application webhook checks <c>sync</c>.</summary>
    ApplicationOperation,

    /// <summary>A kubectl-argo-rollouts operation (promote, abort, retry, restart, pause, resume) the requester's role grants.</summary>
    PermittedRolloutAction,

    /// <summary>A kubectl-argo-rollouts operation the requester's role does not grant.</summary>
    DeniedRolloutAction,
}
