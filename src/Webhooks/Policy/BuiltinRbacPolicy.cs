namespace Tollgate.Webhooks.Policy;

/// <summary>
/// The roles Argo CD always defines: <c>role:readonly</c> (get on every resource), <c>role:admin</c> (every
/// management action, and through inheritance everything readonly has) and the local <c>admin</c> user bound to
/// <c>role:admin</c>.
/// </summary>
public static class BuiltinRbacPolicy
{
    public const string ReadOnlyRole = "role:readonly";
    public const string AdminRole = "role:admin";
    public const string Origin = "built-in policy";

    private const string AnyProjectObject = "*/*";
    private const string AnyObject = "*";

    private static readonly (string Resource, string Object, string[] Actions)[] ReadOnlyGrants =
    [
        ("applications", AnyProjectObject, ["get"]),
        ("applicationsets", AnyProjectObject, ["get"]),
        ("certificates", AnyObject, ["get"]),
        ("clusters", AnyObject, ["get"]),
        ("repositories", AnyObject, ["get"]),
        ("write-repositories", AnyObject, ["get"]),
        ("projects", AnyObject, ["get"]),
        ("accounts", AnyObject, ["get"]),
        ("gpgkeys", AnyObject, ["get"]),
        ("logs", AnyProjectObject, ["get"]),
    ];

    private static readonly (string Resource, string Object, string[] Actions)[] AdminGrants =
    [
        ("applications", AnyProjectObject, ["create", "update", "update/*", "delete", "delete/*", "sync", "rollback", "override", "action/*"]),
        ("applicationsets", AnyProjectObject, ["get", "create", "update", "delete"]),
        ("certificates", AnyObject, ["create", "update", "delete"]),
        ("clusters", AnyObject, ["create", "update", "delete"]),
        ("repositories", AnyObject, ["create", "update", "delete"]),
        ("write-repositories", AnyObject, ["create", "update", "delete"]),
        ("projects", AnyObject, ["create", "update", "delete"]),
        ("accounts", AnyObject, ["update"]),
        ("gpgkeys", AnyObject, ["create", "delete"]),
        ("exec", AnyProjectObject, ["create"]),
    ];

    public static IReadOnlyList<RbacPermission> Permissions { get; } = [.. Expand(ReadOnlyRole, ReadOnlyGrants), .. Expand(AdminRole, AdminGrants)];

    public static IReadOnlyList<RbacRoleBinding> Bindings { get; } =
    [
        new(AdminRole, ReadOnlyRole, Origin),
        new("admin", AdminRole, Origin),
    ];

    private static IEnumerable<RbacPermission> Expand(string role, (string Resource, string Object, string[] Actions)[] grants) =>
        from grant in grants
        from action in grant.Actions
        select new RbacPermission(role, grant.Resource, action, grant.Object, RbacEffect.Allow, Origin);
}
