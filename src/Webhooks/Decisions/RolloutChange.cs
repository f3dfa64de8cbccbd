namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// How an update of a Rollout relates to the kubectl-argo-rollouts operations: the actions it performs (each with the
/// alternatives that grant it, e.g. unpausing is a promote or a resume) and whether it changes anything else.
/// </summary>
public sealed record RolloutChange(IReadOnlyList<IReadOnlyList<string>> Actions, bool OtherChanges)
{
    public bool IsPluginOperation => Actions.Count > 0 && !OtherChanges;
}
