using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Pure: may the requester perform every action of a plugin operation on the owning Application?</summary>
public static class RolloutActionAuthorizer
{
    public static (bool Permitted, string Message) Authorize(RbacEnforcer enforcer, RbacSubject subject, string rbacObject, RolloutChange change)
    {
        ArgumentNullException.ThrowIfNull(enforcer);
        ArgumentNullException.ThrowIfNull(change);
        foreach (var alternatives in change.Actions)
        {
            RbacDecision? last = null;
            foreach (var action in alternatives)
            {
                last = enforcer.Enforce(subject, "applications", $"action/argoproj.io/Rollout/{action}", rbacObject);
                if (last.Allowed)
                {
                    break;
                }
            }

            if (last is { Allowed: false })
            {
                return (false, $"the Rollout operation {string.Join(" or ", alternatives)} is not granted: {last.Message}");
            }
        }

        return (true, "granted");
    }
}
