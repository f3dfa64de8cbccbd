using System.Text.RegularExpressions;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A field pattern under <c>policy.matchMode: regex</c>. Like Go's regexp.MatchString it is unanchored; the
/// non-backtracking engine keeps RE2's linear-time guarantee for patterns written by administrators.
/// </summary>
internal sealed class RegexValueMatcher(Regex regex) : IValueMatcher
{
    public static bool TryCreate(string pattern, out RegexValueMatcher? matcher, out string? error)
    {
        try
        {
            matcher = new RegexValueMatcher(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            matcher = null;
            error = exception.Message;
            return false;
        }
    }

    public bool IsMatch(ReadOnlySpan<char> value) => regex.IsMatch(value);
}
