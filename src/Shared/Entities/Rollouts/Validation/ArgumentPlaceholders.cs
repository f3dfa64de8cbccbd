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

    [GeneratedRegex(@"\{\{[^}]*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
