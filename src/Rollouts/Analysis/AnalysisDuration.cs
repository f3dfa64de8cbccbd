using System.Globalization;

namespace Tollgate.Rollouts.Analysis;

/// <summary>Parses Go-style durations as Argo's interval and initialDelay take them: "30s", "1m30s", "500ms", "2h".</summary>
public static class AnalysisDuration
{
    /// <exception cref="FormatException">Not a sequence of numbers with units (ns, us, ms, s, m, h).</exception>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            throw new FormatException("empty duration");
        }

        if (text == "0")
        {
            return TimeSpan.Zero;
        }

        var total = 0.0;
        var position = 0;
        while (position < text.Length)
        {
            var start = position;
            while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] == '.'))
            {
                position++;
            }

            if (start == position
                || !double.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                throw new FormatException($"invalid duration \"{text}\": expected a number at position {start}");
            }

            var unitStart = position;
            while (position < text.Length && char.IsAsciiLetter(text[position]) || (position < text.Length && text[position] == 'µ'))
            {
                position++;
            }

            total += text[unitStart..position] switch
            {
                "ns" => amount / 1_000_000.0,
                "us" or "µs" => amount / 1000.0,
                "ms" => amount,
                "s" => amount * 1000,
                "m" => amount * 60_000,
                "h" => amount * 3_600_000,
                var unit => throw new FormatException($"invalid duration \"{text}\": unknown unit \"{unit}\" (use ms, s, m or h)"),
            };
        }

        return TimeSpan.FromMilliseconds(total);
    }
}
