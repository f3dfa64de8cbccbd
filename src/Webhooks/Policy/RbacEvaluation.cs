namespace Tollgate.Webhooks.Policy;

/// <summary>The outcome of one subject against a rule set: the first matching allow and the first matching deny, if any.</summary>
internal readonly record struct RbacEvaluation(RbacPermission? Allow, RbacPermission? Deny)
{
    /// <summary>Casbin's effect "some allow and no deny": one deny overrides any number of allows for the same subject.</summary>
    public bool Allowed => Allow is not null && Deny is null;
}
