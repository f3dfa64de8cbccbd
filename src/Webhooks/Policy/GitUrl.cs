namespace Tollgate.Webhooks.Policy;

/// <summary>Argo CD's normalisation of repository URLs, applied to both a project's sourceRepos and an application's repoURL.</summary>
public static class GitUrl
{
    private const string SshScheme = "ssh://";

    /// <summary>
    /// Lower-cases and trims, rewrites scp-style <c>git@host:org/repo</c> to <c>ssh://git@host/org/repo</c>, drops one
    /// trailing <c>.git</c>, then drops the <c>ssh://</c> scheme, so every spelling of an SSH URL ends up as
    /// <c>git@host/org/repo</c>.
    /// </summary>
    public static string Normalize(string? url)
    {
        var normalized = (url ?? "").Trim().ToLowerInvariant();
        if (IsSshUrl(normalized) && !normalized.StartsWith(SshScheme, StringComparison.Ordinal))
        {
            var colon = normalized.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                normalized = string.Concat(normalized.AsSpan(0, colon), "/", normalized.AsSpan(colon + 1));
            }

            normalized = SshScheme + normalized;
        }

        if (normalized.EndsWith(".git", StringComparison.Ordinal))
        {
            normalized = normalized[..^4];
        }

        return normalized.StartsWith(SshScheme, StringComparison.Ordinal) ? normalized[SshScheme.Length..] : normalized;
    }

    /// <summary>
    /// Argo CD's test: optional <c>ssh://</c>, then a user part free of <c>/</c> and <c>:</c>, <c>@</c>, and a host part
    /// free of <c>@</c>. So <c>git@github.com:org/repo</c> is SSH and <c>https://user@github.com/org/repo</c> is not.
    /// </summary>
    public static bool IsSshUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var rest = url.StartsWith(SshScheme, StringComparison.Ordinal) ? url.AsSpan(SshScheme.Length) : url.AsSpan();
        var at = rest.LastIndexOf('@');
        return at >= 0 && at < rest.Length - 1 && rest[..at].IndexOfAny('/', ':') < 0;
    }
}
