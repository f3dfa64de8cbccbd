using System.Text;
using System.Text.RegularExpressions;

namespace Tollgate.Rollouts.Analysis;

/// <summary>Replaces <c>{{args.name}}</c> (spaces allowed inside the braces) with argument values, as Argo's templates do.</summary>
public static partial class ArgumentSubstitution
{
    /// <exception cref="FormatException">A placeholder names an argument that is missing or has no value.</exception>
    public static string Substitute(string text, IReadOnlyDictionary<string, string?> arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(arguments);
        var result = new StringBuilder(text.Length);
        var position = 0;
        foreach (Match match in Placeholder().Matches(text))
        {
            var name = match.Groups["name"].Value;
            if (!arguments.TryGetValue(name, out var value) || value is null)
            {
                throw new FormatException($"argument \"{name}\" has no value");
            }

            result.Append(text, position, match.Index - position).Append(value);
            position = match.Index + match.Length;
        }

        return result.Append(text, position, text.Length - position).ToString();
    }

    [GeneratedRegex(@"\{\{\s*args\.(?<name>[A-Za-z0-9_.\-]+)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
