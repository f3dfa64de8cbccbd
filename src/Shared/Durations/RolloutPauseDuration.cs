using System.Globalization;
using Tollgate.Shared.Kube;

namespace Tollgate.Shared.Durations;

/// <summary>
/// A canary pause step's <c>duration</c> read as Argo Rollouts reads it (<c>RolloutPause.DurationSeconds</c>): a number
/// is seconds; a string is first tried as a signed 32-bit integer of seconds, then as a Go duration whose whole seconds,
/// truncated toward zero, are the pause. So "1.5h" is 5400 s, "500ms" is 0 s and "-0.5s" is 0 s, as in Argo; a
/// negative result, or one beyond a 32-bit number of seconds (about 68 years), is refused.
/// </summary>
public static class RolloutPauseDuration
{
    /// <exception cref="FormatException">Argo would find the duration invalid; the message says why.</exception>
    public static TimeSpan Parse(IntOrString duration) =>
        TryGetSeconds(duration, out var seconds, out var error) ? TimeSpan.FromSeconds(seconds) : throw new FormatException(error);

    public static bool TryGetSeconds(IntOrString duration, out int seconds, out string error)
    {
        seconds = 0;
        error = "";
        long value;
        if (!duration.IsString)
        {
            value = duration.IntValue;
        }
        else if (IsGoInt32(duration.StringValue!))
        {
            value = int.Parse(duration.StringValue!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }
        else if (GoDuration.TryParse(duration.StringValue, out var parsed, out var goError))
        {
            value = parsed.WholeSeconds;
        }
        else
        {
            error = $"{goError}; a pause duration is a number of seconds or a duration such as 30s, 1.5h or 1h30m";
            return false;
        }

        if (value < 0)
        {
            error = $"must not be negative, not {Quoted.Value(duration.ToString())}";
            return false;
        }

        if (value > int.MaxValue)
        {
            error = $"{Quoted.Value(duration.ToString())} is longer than {int.MaxValue} seconds, the longest pause";
            return false;
        }

        seconds = (int)value;
        return true;
    }

    /// <summary>Go's <c>strconv.ParseInt(s, 10, 32)</c> succeeds: an optional sign, ASCII digits, within 32 bits.</summary>
    private static bool IsGoInt32(string text)
    {
        var digits = text.AsSpan();
        if (digits.Length > 0 && digits[0] is '+' or '-')
        {
            digits = digits[1..];
        }

        return digits.Length > 0
            && !digits.ContainsAnyExcept("0123456789")
            && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
    }
}
