using System.Globalization;
using System.Text;
using System.Text.Json;

using Tollgate.Shared.Formatting;
namespace Tollgate.Rollouts.Providers.Web;

/// <summary>
/// JSON as Go's encoding/json gives it to Argo when unmarshalling into interface{}: objects become maps (a repeated key
/// keeps its last value), arrays lists, every number a float64; and back to text as json.Marshal writes it.
/// </summary>
public static class JsonValues
{
    /// <summary>Deepest nesting read; Go's decoder allows 10000, System.Text.Json 64 by default.</summary>
    public const int MaxDepth = 1000;

    /// <summary>The body as Go values, or false when it is not JSON (Argo then evaluates the body as a string).</summary>
    public static bool TryParse(ReadOnlyMemory<byte> body, out object? value)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            value = From(document.RootElement);
            return true;
        }
        catch (JsonException)
        {
            value = null;
            return false;
        }
    }

    public static object? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Object(element),
        JsonValueKind.Array => element.EnumerateArray().Select(From).ToList(),
        JsonValueKind.Number => Number(element),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    /// <summary>json.Marshal: keys sorted, &lt; &gt; &amp; escaped for HTML, floats in Go's format.</summary>
    public static string Marshal(object? value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    /// <summary>Go's reflect type name of a value, as its error messages print it.</summary>
    public static string GoTypeName(object? value) => value switch
    {
        null => "<nil>",
        IReadOnlyDictionary<string, object?> => "map[string]interface {}",
        IReadOnlyList<object?> => "[]interface {}",
        double => "float64",
        long => "int",
        string => "string",
        bool => "bool",
        _ => value.GetType().Name,
    };

    private static Dictionary<string, object?> Object(JsonElement element)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = From(property.Value);
        }

        return map;
    }

    private static double Number(JsonElement element)
    {
        // Go's strconv.ParseFloat reports out-of-range numbers as errors; json.Unmarshal then fails, as here.
        var value = double.Parse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value) ? value : throw new JsonException($"number {element.GetRawText()} is out of range");
    }

    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool flag:
                text.Append(flag ? "true" : "false");
                break;
            case double number:
                text.Append(GoFloat.Json(number));
                break;
            case long integer:
                text.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case string s:
                WriteString(text, s);
                break;
            case IReadOnlyDictionary<string, object?> map:
                text.Append('{');
                var first = true;
                foreach (var key in map.Keys.Order(StringComparer.Ordinal))
                {
                    text.Append(first ? "" : ",");
                    first = false;
                    WriteString(text, key);
                    text.Append(':');
                    Write(text, map[key]);
                }

                text.Append('}');
                break;
            case IReadOnlyList<object?> list:
                text.Append('[');
                for (var index = 0; index < list.Count; index++)
                {
                    text.Append(index == 0 ? "" : ",");
                    Write(text, list[index]);
                }

                text.Append(']');
                break;
            default:
                throw new ArgumentException($"{value.GetType().Name} is not a JSON value", nameof(value));
        }
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\b' => text.Append("\\b"),
                '\f' => text.Append("\\f"),
                '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        text.Append('"');
    }
}
