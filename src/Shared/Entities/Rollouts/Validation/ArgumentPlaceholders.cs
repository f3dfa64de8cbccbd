using System.Text.RegularExpressions;

namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>
/// <c>{{args.x}}</c> placeholders, resolved only when a run starts: a value that holds one is checked as far as possible.
/// </summary>
public static partial class ArgumentPlaceholders
{
    public static bool IsTemplated(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Contains("{{", StringComparison.Ordinal);
    }

    /// <summary>The text with every placeholder replaced by <paramref name="stand"/>, to check what surrounds them.</summary>
    public static string Replace(string text, string stand)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, stand);
    }

    /// <summary>
    /// The text with every placeholder replaced by <paramref name="stand"/> padded to the placeholder's length, so a
    /// position reported in the result points into the text as written.
    /// </summary>
    public static string ReplaceKeepingPositions(string text, string stand)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, match => stand.PadRight(match.Length));
    }

    [GeneratedRegex(@"\{\{[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
