namespace Tollgate.Webhooks.Policy;

/// <summary>Who is asking: the user (or project token subject <c>proj:&lt;project&gt;:&lt;role&gt;</c>) and their SSO groups.</summary>
public sealed record RbacSubject(string User, IReadOnlyList<string> Groups)
{
    public RbacSubject(string user)
        : this(user, [])
    {
    }
}
