using System.Globalization;
using System.Text.RegularExpressions;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Argo Rollouts durations: Go's time.ParseDuration syntax (<c>1h30m</c>, <c>500ms</c>) or a plain number of seconds.</summary>
public static partial class GoDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            duration = TimeSpan.FromSeconds(seconds);
            return true;
        }

        if (text == "0")
        {
            return true;
        }

        var match = DurationPattern().Match(text);
        if (!match.Success)
        {
            return false;
        }

        double total = 0;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var piece = PartPattern().Match(part.Value);
            var value = double.Parse(piece.Groups["value"].Value, CultureInfo.InvariantCulture);
            total += piece.Groups["unit"].Value switch
            {
                "ns" => value / 1e9,
                "us" or "µs" => value / 1e6,
                "ms" => value / 1e3,
                "s" => value,
                "m" => value * 60,
                _ => value * 3600,
            };
        }

        duration = TimeSpan.FromSeconds(total);
        return true;
    }

    [GeneratedRegex(@"^(?<part>[0-9]+(\.[0-9]*)?(ns|us|µs|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<value>[0-9]+(\.[0-9]*)?)(?<unit>ns|us|µs|ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex PartPattern();
}
