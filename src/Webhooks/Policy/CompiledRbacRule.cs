namespace Tollgate.Webhooks.Policy;

/// <summary>An RBAC permission with its resource, action and object patterns compiled once.</summary>
internal sealed class CompiledRbacRule(RbacPermission permission, IValueMatcher resource, IValueMatcher action, IValueMatcher @object)
{
    public RbacPermission Permission { get; } = permission;

    /// <summary>Compiles the three patterns; null with a reason when one is not a valid regular expression (regex mode).</summary>
    public static CompiledRbacRule? Compile(RbacPermission permission, RbacMatchMode matchMode, out string? reason)
    {
        reason = null;
        if (matchMode == RbacMatchMode.Glob)
        {
            return new CompiledRbacRule(permission, GlobPattern.Compile(permission.Resource), GlobPattern.Compile(permission.Action), GlobPattern.Compile(permission.Object));
        }

        if (RegexValueMatcher.TryCreate(permission.Resource, out var resource, out reason)
            && RegexValueMatcher.TryCreate(permission.Action, out var action, out reason)
            && RegexValueMatcher.TryCreate(permission.Object, out var @object, out reason))
        {
            return new CompiledRbacRule(permission, resource!, action!, @object!);
        }

        return null;
    }

    public bool Matches(string resourceName, string actionName, string objectName) =>
        resource.IsMatch(resourceName) && action.IsMatch(actionName) && @object.IsMatch(objectName);
}
