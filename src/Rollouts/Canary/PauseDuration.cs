using System.Globalization;

namespace Tollgate.Rollouts.Canary;

/// <summary>Parses a pause step duration: "30s", "5m", "1h", or a bare number of seconds.</summary>
public static class PauseDuration
{
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var unit = text.Length > 0 ? text[^1] : '\0';
        var hasUnit = unit is 's' or 'm' or 'h';
        var digits = hasUnit ? text[..^1] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            throw new FormatException(
                $"invalid pause duration '{text}': expected a whole number of seconds or a whole number followed by s, m or h (e.g. 30s, 5m, 1h)");
        }

        return unit switch
        {
            'm' => TimeSpan.FromMinutes(amount),
            'h' => TimeSpan.FromHours(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
    }

    public static TimeSpan FromSeconds(int seconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        return TimeSpan.FromSeconds(seconds);
    }
}
