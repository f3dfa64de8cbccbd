namespace Tollgate.Webhooks.Settings;

/// <summary>A set of identities given by user names and by groups (either matching is enough).</summary>
public sealed record IdentitySet(IdentityPatterns Users, IdentityPatterns Groups)
{
    public IdentitySet(IEnumerable<string> users, IEnumerable<string> groups)
        : this(new IdentityPatterns(users), new IdentityPatterns(groups))
    {
    }

    public bool Contains(string? user, IEnumerable<string>? groups) => Users.Matches(user) || Groups.MatchesAny(groups);
}
