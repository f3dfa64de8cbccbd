namespace Tollgate.Webhooks.Policy;

/// <summary>A <c>g, member, role</c> line: the user, group or role <paramref name="Member"/> inherits every rule of <paramref name="Role"/>.</summary>
public sealed record RbacRoleBinding(string Member, string Role, string Origin)
{
    public override string ToString() => $"g, {Member}, {Role}";
}
