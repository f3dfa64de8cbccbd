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
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(50);

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
