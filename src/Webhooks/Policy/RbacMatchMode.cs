namespace Tollgate.Webhooks.Policy;

/// <summary>How the resource, action and object fields of RBAC rules are matched (argocd-rbac-cm <c>policy.matchMode</c>).</summary>
public enum RbacMatchMode
{
    Glob,
    Regex,
}
