using System.Globalization;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Go's strconv.ParseInt(s, 10, 64), strconv.Atoi and strconv.ParseFloat(s, 64), with Go's error texts.</summary>
internal static class GoStrconv
{
    public static long ParseInt(string text, string function = "ParseInt")
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new EvaluationError($"strconv.{function}: parsing {Quote(text)}: invalid syntax");
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new EvaluationError($"strconv.{function}: parsing {Quote(text)}: value out of range");
    }

    public static double ParseFloat(string text)
    {
        var body = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        var negative = text.StartsWith('-');
        switch (body.ToLowerInvariant())
        {
            case "inf" or "infinity":
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            case "nan" when body.Length == text.Length:
                return double.NaN;
        }

        var plain = body.Contains('_', StringComparison.Ordinal) ? "" : body;
        var valid = plain.Length > 0
            && plain.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-')
            && plain.Any(char.IsAsciiDigit)
            && (char.IsAsciiDigit(plain[0]) || plain[0] == '.');
        if (!valid || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new EvaluationError($"strconv.ParseFloat: parsing {Quote(text)}: invalid syntax");
        }

        return double.IsInfinity(value)
            ? throw new EvaluationError($"strconv.ParseFloat: parsing {Quote(text)}: value out of range")
            : value;
    }

    public static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
