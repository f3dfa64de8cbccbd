using System.Collections.Frozen;

namespace Tollgate.Webhooks.Settings;

/// <summary>
/// User or group names, exact or ending in <c>*</c> (a prefix match, as in <c>system:serviceaccount:kube-system:*</c>),
/// compiled once so a lookup is a hash probe plus a few prefix checks.
/// </summary>
public sealed class IdentityPatterns
{
    private readonly FrozenSet<string> exact;
    private readonly string[] prefixes;

    public IdentityPatterns(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var all = patterns.Select(p => p.Trim()).Where(p => p.Length > 0).ToArray();
        Patterns = all;
        exact = all.Where(p => !p.EndsWith('*')).ToFrozenSet(StringComparer.Ordinal);
        prefixes = [.. all.Where(p => p.EndsWith('*')).Select(p => p[..^1])];
    }

    public IReadOnlyList<string> Patterns { get; }

    public bool Matches(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        if (exact.Contains(name))
        {
            return true;
        }

        foreach (var prefix in prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public bool MatchesAny(IEnumerable<string>? names)
    {
        foreach (var name in names ?? [])
        {
            if (Matches(name))
            {
                return true;
            }
        }

        return false;
    }
}
