namespace Tollgate.Webhooks.Policy;

/// <summary>A <c>p, subject, resource, action, object, effect</c> rule and where it was defined.</summary>
public sealed record RbacPermission(string Subject, string Resource, string Action, string Object, RbacEffect Effect, string Origin)
{
    public override string ToString() =>
        $"p, {Subject}, {Resource}, {Action}, {Object}, {(Effect == RbacEffect.Allow ? "allow" : "deny")}";
}
