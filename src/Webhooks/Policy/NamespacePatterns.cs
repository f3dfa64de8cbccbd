using System.Text.RegularExpressions;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Argo CD's <c>glob.MatchStringInList</c> in regexp mode, as used for <c>application.namespaces</c> and an AppProject's
/// <c>sourceNamespaces</c>: an entry wrapped in '/' is an unanchored regular expression, and every entry (that one
/// too) is also tried as a glob. Argo CD's regexp2 speaks .NET's syntax, so .NET's backtracking engine reads the
/// expressions the same way; a match time limit bounds a pathological one. An invalid expression matches nothing.
/// </summary>
public sealed class NamespacePatterns
{
    // Wall-clock time: 50 ms was exceeded by a trivial expression on a starved machine (a CI run at load average 28
    // timed out "/^team-[0-9]+$/" on "team-42" and so matched nothing); a namespace is at most 63 characters, so one
    // second still bounds a pathological expression without failing ordinary ones under load.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly (Regex? Regex, GlobPattern Glob)[] entries;

    private NamespacePatterns(IEnumerable<string> patterns) =>
        entries = [.. patterns.Select(pattern => (CompileRegex(pattern), GlobPattern.Compile(pattern)))];

    public static NamespacePatterns None { get; } = new([]);

    public bool IsEmpty => entries.Length == 0;

    public static NamespacePatterns Compile(IEnumerable<string?>? patterns) => new((patterns ?? []).Select(pattern => pattern ?? ""));

    public bool Matches(string @namespace)
    {
        ArgumentNullException.ThrowIfNull(@namespace);
        foreach (var (regex, glob) in entries)
        {
            if ((regex is not null && RegexMatches(regex, @namespace)) || glob.IsMatch(@namespace))
            {
                return true;
            }
        }

        return false;
    }

    private static bool RegexMatches(Regex regex, string value)
    {
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? CompileRegex(string pattern)
    {
        if (pattern.Length < 2 || !pattern.StartsWith('/') || !pattern.EndsWith('/'))
        {
            return null;
        }

        try
        {
            return new Regex(pattern[1..^1], RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
