using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Analysis;

/// <summary>
/// Resolves a Rollout argument's <c>valueFrom.fieldRef.fieldPath</c> as Argo does. A path starting with "metadata"
/// follows the Kubernetes downward API: metadata.name, .namespace, .uid, .labels and .annotations (a whole map as sorted
/// <c>key="value"</c> lines) and <c>metadata.labels['key']</c> / <c>metadata.annotations['key']</c> (empty when the
/// key is absent). Any other path (<c>spec.replicas</c>, <c>status.pauseConditions[0].reason</c>) walks the Rollout's
/// JSON by dots and <c>[index]</c> and must end at a string, number or boolean.
/// </summary>
public static partial class FieldPathResolver
{
    private const int MaxNameLength = 63;
    private const int MaxPrefixLength = 253;

    public static FieldPathResolution Resolve(Rollout rollout, string fieldPath)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(fieldPath);
        return fieldPath.StartsWith("metadata", StringComparison.Ordinal)
            ? ResolveMetadata(rollout.Metadata, fieldPath)
            : ResolveJson(rollout, fieldPath);
    }

    private static FieldPathResolution ResolveMetadata(V1ObjectMeta metadata, string fieldPath)
    {
        if (SplitSubscript(fieldPath) is var (path, key))
        {
            return path switch
            {
                "metadata.labels" => Lookup(metadata.Labels, key, QualifiedNameProblem(key)),
                // Annotation keys are checked case-insensitively, as Kubernetes does.
                "metadata.annotations" => Lookup(metadata.Annotations, key, QualifiedNameProblem(key.ToLowerInvariant())),
                _ => FieldPathResolution.Unresolved($"{path} takes no ['key'] subscript: only metadata.labels and metadata.annotations do"),
            };
        }

        return fieldPath switch
        {
            "metadata.name" => FieldPathResolution.Resolved(metadata.Name ?? ""),
            "metadata.namespace" => FieldPathResolution.Resolved(metadata.Namespace ?? ""),
            "metadata.uid" => FieldPathResolution.Resolved(metadata.Uid ?? ""),
            "metadata.labels" => FieldPathResolution.Resolved(FormatMap(metadata.Labels)),
            "metadata.annotations" => FieldPathResolution.Resolved(FormatMap(metadata.Annotations)),
            _ => FieldPathResolution.Unresolved(
                "unsupported metadata field: use metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, "
                + "metadata.labels['key'] or metadata.annotations['key']"),
        };
    }

    /// <summary>"metadata.labels['app']" is ("metadata.labels", "app"); the key runs from the first "['" to the final "']".</summary>
    private static (string Path, string Key)? SplitSubscript(string fieldPath)
    {
        if (!fieldPath.EndsWith("']", StringComparison.Ordinal))
        {
            return null;
        }

        var body = fieldPath[..^2];
        var open = body.IndexOf("['", StringComparison.Ordinal);
        return open <= 0 ? null : (body[..open], body[(open + 2)..]);
    }

    private static FieldPathResolution Lookup(IDictionary<string, string>? map, string key, string? keyProblem) =>
        keyProblem is not null
            ? FieldPathResolution.Unresolved($"invalid key '{key}': {keyProblem}")
            : FieldPathResolution.Resolved(map is not null && map.TryGetValue(key, out var value) ? value : "");

    /// <summary>Why <paramref name="value"/> is not a Kubernetes qualified name ([prefix/]name), or null when it is one.</summary>
    private static string? QualifiedNameProblem(string value)
    {
        var parts = value.Split('/');
        if (parts.Length > 2)
        {
            return "a key has at most one '/' (prefix/name)";
        }

        if (parts.Length == 2)
        {
            var prefix = parts[0];
            if (prefix.Length == 0)
            {
                return "the prefix before '/' is empty";
            }

            if (prefix.Length > MaxPrefixLength || !DnsSubdomain().IsMatch(prefix))
            {
                return $"the prefix must be a DNS subdomain: lowercase letters, digits, '-' and '.', at most {MaxPrefixLength} characters";
            }
        }

        var name = parts[^1];
        if (name.Length == 0)
        {
            return "the name is empty";
        }

        if (name.Length > MaxNameLength)
        {
            return $"the name is longer than {MaxNameLength} characters";
        }

        return QualifiedNamePart().IsMatch(name)
            ? null
            : "the name may hold only letters, digits, '-', '_' and '.', and must start and end with a letter or digit";
    }

    private static string FormatMap(IDictionary<string, string>? map)
    {
        if (map is null || map.Count == 0)
        {
            return "";
        }

        return string.Join("\n", map.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => $"{entry.Key}={GoQuote(entry.Value)}"));
    }

    /// <summary>Quotes as Go's %q does, so a whole-map value reads exactly as it does under Argo.</summary>
    private static string GoQuote(string value)
    {
        var quoted = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            var code = rune.Value;
            var escaped = code switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\v' => "\\v",
                < ' ' or 0x7F => string.Create(CultureInfo.InvariantCulture, $"\\x{code:x2}"),
                _ when IsPrintable(rune) => rune.ToString(),
                < 0x10000 => string.Create(CultureInfo.InvariantCulture, $"\\u{code:x4}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"\\U{code:x8}"),
            };
            quoted.Append(escaped);
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Go's notion: letters, marks, numbers, punctuation, symbols and the ASCII space.</summary>
    private static bool IsPrintable(Rune rune) =>
        rune.Value == ' ' || Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                or UnicodeCategory.OtherNotAssigned or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator => false,
            _ => true,
        };

    private static FieldPathResolution ResolveJson(Rollout rollout, string fieldPath)
    {
        JsonElement? current = JsonSerializer.SerializeToElement(rollout, RolloutsJsonContext.Default.Rollout);
        foreach (var section in Separators().Split(fieldPath))
        {
            if (section.Length == 0)
            {
                continue;
            }

            switch (current?.ValueKind)
            {
                case JsonValueKind.Array:
                    var items = current.Value.GetArrayLength();
                    if (!int.TryParse(section, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                    {
                        return FieldPathResolution.Unresolved($"'{section}' is not an array index");
                    }

                    if (index < 0 || index >= items)
                    {
                        return FieldPathResolution.Unresolved($"index {index} is out of range: the array has {items} item{(items == 1 ? "" : "s")}");
                    }

                    current = current.Value[index];
                    break;
                case JsonValueKind.Object:
                    current = current.Value.TryGetProperty(section, out var property) ? property : null;
                    break;
                default:
                    return NoValue();
            }
        }

        return current?.ValueKind switch
        {
            JsonValueKind.String => FieldPathResolution.Resolved(current.Value.GetString()!),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => FieldPathResolution.Resolved(current.Value.GetRawText()),
            JsonValueKind.Object or JsonValueKind.Array => FieldPathResolution.Unresolved("the path ends at an object or array, not at a string, number or boolean"),
            _ => NoValue(),
        };
    }

    private static FieldPathResolution NoValue() =>
        FieldPathResolution.Unresolved("the Rollout has no value at this path (fields are named as in its JSON, e.g. spec.replicas or status.pauseConditions[0].reason)");

    [GeneratedRegex(@"[.\[\]]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\A[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"\A([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNamePart();
}
