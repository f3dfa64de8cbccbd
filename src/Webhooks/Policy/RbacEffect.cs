namespace Tollgate.Webhooks.Policy;

public enum RbacEffect
{
    Allow,
    Deny,
}
