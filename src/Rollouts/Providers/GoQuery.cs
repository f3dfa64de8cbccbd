using System.Text;

namespace Tollgate.Rollouts.Providers;

/// <summary>Go's url.QueryEscape and url.Values.Encode, which Argo's HTTP clients use for forms and OAuth2 client credentials.</summary>
public static class GoQuery
{
    /// <summary>Everything but letters, digits and "-_.~" is %XX-escaped (upper-case hex); a space becomes "+".</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                escaped.Append((char)b);
            }
            else if (b == (byte)' ')
            {
                escaped.Append('+');
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    /// <summary>url.Values.Encode: key=value pairs sorted by key, joined with "&amp;".</summary>
    public static string Encode(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{Escape(v.Key)}={Escape(v.Value)}"));
}
