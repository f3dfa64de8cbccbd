using System.Globalization;
using System.Text;

namespace Tollgate.Shared.Formatting;

/// <summary>
/// Formats doubles as Go does wherever a user sees one: strconv's shortest 'f' format (Prometheus samples in status:
/// 0.0000001, not 1E-07), encoding/json's choice of 'f' or 'e' (web results, toJSON), and fmt's %v (string() in
/// conditions). The one place for Go float text, shared by the metric providers and the expression language.
/// </summary>
public static class GoFloat
{
    /// <summary>strconv.FormatFloat(value, 'f', -1, 64).</summary>
    public static string Fixed(double value)
    {
        if (NonFinite(value) is { } special)
        {
            return special;
        }

        var (negative, digits, point) = Decompose(value);
        var text = new StringBuilder(negative ? "-" : "");
        if (digits.Length == 0)
        {
            return text.Append('0').ToString();
        }

        if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }

        return text.ToString();
    }

    /// <summary>encoding/json's float64: 'f' unless the magnitude is below 1e-6 or at least 1e21, then 'e' with "e-7" not "e-07".</summary>
    public static string Json(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21) || !double.IsFinite(value))
        {
            return Fixed(value);
        }

        var (negative, digits, point) = Decompose(value);
        var exponent = point - 1;
        var text = new StringBuilder(negative ? "-" : "").Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        text.Append('e').Append(exponent < 0 ? '-' : '+');
        var magnitudeText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return text.Append(exponent < 0 || magnitudeText.Length >= 2 ? magnitudeText : "0" + magnitudeText).ToString();
    }

    /// <summary>fmt's %v of a float64 (strconv 'g' with the shortest digits and exponent threshold 21): 1e+21, 1e-05, 0.0001, -0.</summary>
    public static string General(double value)
    {
        if (NonFinite(value) is { } special)
        {
            return special;
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }

        var (negative, digits, point) = Decompose(value);
        var exponent = point - 1;
        if (exponent >= -4 && exponent < 21)
        {
            return Fixed(value);
        }

        var text = new StringBuilder(negative ? "-" : "").Append(digits[0]);
        if (digits.Length > 1)
        {
            text.Append('.').Append(digits, 1, digits.Length - 1);
        }

        var magnitudeText = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        return text.Append('e').Append(exponent < 0 ? '-' : '+').Append(magnitudeText.Length >= 2 ? magnitudeText : "0" + magnitudeText).ToString();
    }

    private static string? NonFinite(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => null,
    };

    /// <summary>The shortest round-trip digits (no leading or trailing zeros) and where the decimal point goes.</summary>
    private static (bool Negative, string Digits, int Point) Decompose(double value)
    {
        var text = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var exponent = 0;
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? text : text[..dot];
        var digits = integer + (dot < 0 ? "" : text[(dot + 1)..]);
        var point = integer.Length + exponent;
        var leading = 0;
        while (leading < digits.Length && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        return (double.IsNegative(value), digits, point);
    }
}
