using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tollgate.Shared.Crds;

/// <summary>
/// Writes a JSON document as block-style YAML the way Kubernetes manifests are usually written (sequences not indented
/// under their key), deterministically: keys in the document's order, a string quoted whenever a YAML 1.1 or 1.2
/// reader (kubectl's included) could take it for anything but that string.
/// </summary>
public static class ManifestYaml
{
    private const string Indicators = "-?:,[]{}#&*!|>'\"%@`";

    private static readonly HashSet<string> ReservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", "<<", ".inf", "-.inf", "+.inf", ".nan",
    };

    public static string Write(JsonObject document, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var yaml = new StringBuilder();
        foreach (var line in comment?.Split('\n') ?? [])
        {
            yaml.Append(line.Length == 0 ? "#" : "# " + line).Append('\n');
        }

        WriteMapping(yaml, document, indent: 0, firstLineIndented: true);
        return yaml.ToString();
    }

    private static void WriteMapping(StringBuilder yaml, JsonObject mapping, int indent, bool firstLineIndented)
    {
        var first = true;
        foreach (var (key, value) in mapping)
        {
            if (!first || firstLineIndented)
            {
                yaml.Append(' ', indent);
            }

            first = false;
            yaml.Append(Scalar(key)).Append(':');
            switch (value)
            {
                case JsonObject { Count: > 0 } nested:
                    yaml.Append('\n');
                    WriteMapping(yaml, nested, indent + 2, firstLineIndented: true);
                    break;
                case JsonArray { Count: > 0 } sequence:
                    yaml.Append('\n');
                    WriteSequence(yaml, sequence, indent, firstLineIndented: true);
                    break;
                default:
                    yaml.Append(' ');
                    WriteLeaf(yaml, value, indent);
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder yaml, JsonArray sequence, int indent, bool firstLineIndented)
    {
        var first = true;
        foreach (var item in sequence)
        {
            if (!first || firstLineIndented)
            {
                yaml.Append(' ', indent);
            }

            first = false;
            yaml.Append("- ");
            switch (item)
            {
                case JsonObject { Count: > 0 } mapping:
                    WriteMapping(yaml, mapping, indent + 2, firstLineIndented: false);
                    break;
                case JsonArray { Count: > 0 } nested:
                    WriteSequence(yaml, nested, indent + 2, firstLineIndented: false);
                    break;
                default:
                    WriteLeaf(yaml, item, indent);
                    break;
            }
        }
    }

    /// <summary>A scalar, an empty collection or a multi-line string, after "key: " or "- ".</summary>
    private static void WriteLeaf(StringBuilder yaml, JsonNode? node, int indent)
    {
        switch (node)
        {
            case null:
                yaml.Append("null\n");
                return;
            case JsonObject:
                yaml.Append("{}\n");
                return;
            case JsonArray:
                yaml.Append("[]\n");
                return;
        }

        var value = node.AsValue();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when value.GetValue<string>() is var text && CanBeLiteralBlock(text):
                yaml.Append("|-\n");
                foreach (var line in text.Split('\n'))
                {
                    if (line.Length > 0)
                    {
                        yaml.Append(' ', indent + 2).Append(line);
                    }

                    yaml.Append('\n');
                }

                return;
            case JsonValueKind.String:
                yaml.Append(Scalar(value.GetValue<string>())).Append('\n');
                return;
            default:
                yaml.Append(value.ToJsonString()).Append('\n');
                return;
        }
    }

    private static string Scalar(string text)
    {
        if (IsPlain(text))
        {
            return text;
        }

        return text.Any(IsUnprintable) || text.Contains('\n', StringComparison.Ordinal)
            ? DoubleQuoted(text)
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(string text) =>
        text.Length > 0
        && text.Trim() == text
        && !Indicators.Contains(text[0], StringComparison.Ordinal)
        && !LooksNumeric(text)
        && !ReservedWords.Contains(text)
        && !text.Contains(": ", StringComparison.Ordinal)
        && !text.Contains(" #", StringComparison.Ordinal)
        && !text.EndsWith(':')
        && !text.Any(c => IsUnprintable(c) || c is '\n' or '\t');

    // Generous on purpose: a number, a YAML 1.1 sexagesimal or a timestamp all start like this.
    private static bool LooksNumeric(string text) =>
        char.IsAsciiDigit(text[0]) || (text.Length > 1 && text[0] is '+' or '-' or '.' && (char.IsAsciiDigit(text[1]) || text[1] == '.'));

    private static bool CanBeLiteralBlock(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
        && !text.EndsWith('\n')
        && text[0] is not (' ' or '\n')
        && !text.Any(c => IsUnprintable(c) || c == '\t')
        && text.Split('\n').All(line => line.TrimEnd() == line);

    private static bool IsUnprintable(char c) => char.IsControl(c) && c is not '\n' and not '\t';

    private static string DoubleQuoted(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                _ when IsUnprintable(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
