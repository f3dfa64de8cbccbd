namespace Tollgate.Shared.Durations;

/// <summary>
/// A duration in Go's <c>time.ParseDuration</c> grammar, which Argo Rollouts uses for analysis intervals and delays and,
/// after an integer, for pause durations: an optional sign, then one or more decimal numbers (fractions allowed) each
/// followed by a unit (ns, us, µs, μs, ms, s, m, h), such as <c>300ms</c>, <c>-1.5h</c> or <c>1h30m</c>, or a bare
/// <c>0</c>. Like Go's it holds whole nanoseconds and refuses what does not fit in a signed 64-bit count of them.
/// </summary>
public readonly record struct GoDuration(long Nanoseconds)
{
    private const ulong MaxMagnitude = 1UL << 63;

    /// <summary>
    /// The duration as a <see cref="TimeSpan"/>, truncated toward zero to its 100 ns ticks (every Go duration fits).
    /// </summary>
    public TimeSpan ToTimeSpan() => TimeSpan.FromTicks(Nanoseconds / 100);

    /// <summary>Whole seconds, truncated toward zero as Go's <c>int64(d.Seconds())</c> does.</summary>
    public long WholeSeconds => Nanoseconds / 1_000_000_000;

    /// <exception cref="FormatException">Not a Go duration; the message says why.</exception>
    public static GoDuration Parse(string text) =>
        TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);

    public static bool TryParse(string? text, out GoDuration duration, out string error)
    {
        duration = default;
        error = "";
        if (text is null)
        {
            error = "a duration is required";
            return false;
        }

        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return true;
        }

        if (rest.IsEmpty)
        {
            error = Invalid(text);
            return false;
        }

        ulong total = 0;
        while (!rest.IsEmpty)
        {
            if (!(rest[0] == '.' || char.IsAsciiDigit(rest[0])))
            {
                error = Invalid(text);
                return false;
            }

            var before = rest.Length;
            if (!TryLeadingInteger(ref rest, out var whole))
            {
                error = Invalid(text);
                return false;
            }

            var hasWhole = before != rest.Length;
            var hasFraction = false;
            ulong fraction = 0;
            var scale = 1.0;
            if (!rest.IsEmpty && rest[0] == '.')
            {
                rest = rest[1..];
                var fractionStart = rest.Length;
                LeadingFraction(ref rest, out fraction, out scale);
                hasFraction = fractionStart != rest.Length;
            }

            if (!hasWhole && !hasFraction)
            {
                error = Invalid(text);
                return false;
            }

            var unitLength = 0;
            while (unitLength < rest.Length && rest[unitLength] != '.' && !char.IsAsciiDigit(rest[unitLength]))
            {
                unitLength++;
            }

            if (unitLength == 0)
            {
                error = $"missing unit in duration {Quoted.Value(text)} (use ns, us, ms, s, m or h, e.g. 30s or 1h30m)";
                return false;
            }

            var unitText = rest[..unitLength];
            rest = rest[unitLength..];
            if (UnitNanoseconds(unitText) is not { } unit)
            {
                error = $"unknown unit {Quoted.Value(unitText.ToString())} in duration {Quoted.Value(text)} (use ns, us, ms, s, m or h)";
                return false;
            }

            if (whole > MaxMagnitude / unit)
            {
                error = Overflow(text);
                return false;
            }

            var value = whole * unit;
            if (fraction > 0)
            {
                // Go adds the fraction in float64 arithmetic, truncated to whole nanoseconds; so does this, bit for bit.
                value += (ulong)(fraction * (unit / scale));
                if (value > MaxMagnitude)
                {
                    error = Overflow(text);
                    return false;
                }
            }

            total += value;
            if (total > MaxMagnitude)
            {
                error = Overflow(text);
                return false;
            }
        }

        if (negative)
        {
            duration = new GoDuration(unchecked(-(long)total));
            return true;
        }

        if (total > long.MaxValue)
        {
            error = Overflow(text);
            return false;
        }

        duration = new GoDuration((long)total);
        return true;
    }

    private static bool TryLeadingInteger(ref ReadOnlySpan<char> rest, out ulong value)
    {
        value = 0;
        var index = 0;
        for (; index < rest.Length && char.IsAsciiDigit(rest[index]); index++)
        {
            if (value > MaxMagnitude / 10)
            {
                return false;
            }

            value = (value * 10) + (ulong)(rest[index] - '0');
            if (value > MaxMagnitude)
            {
                return false;
            }
        }

        rest = rest[index..];
        return true;
    }

    /// <summary>Digits after the point; past 63 bits of precision the rest is read but no longer counted, as in Go.</summary>
    private static void LeadingFraction(ref ReadOnlySpan<char> rest, out ulong value, out double scale)
    {
        value = 0;
        scale = 1;
        var overflow = false;
        var index = 0;
        for (; index < rest.Length && char.IsAsciiDigit(rest[index]); index++)
        {
            if (overflow)
            {
                continue;
            }

            if (value > (MaxMagnitude - 1) / 10)
            {
                overflow = true;
                continue;
            }

            var next = (value * 10) + (ulong)(rest[index] - '0');
            if (next > MaxMagnitude)
            {
                overflow = true;
                continue;
            }

            value = next;
            scale *= 10;
        }

        rest = rest[index..];
    }

    private static ulong? UnitNanoseconds(ReadOnlySpan<char> unit) => unit switch
    {
        "ns" => 1UL,
        "us" or "µs" or "μs" => 1_000UL,
        "ms" => 1_000_000UL,
        "s" => 1_000_000_000UL,
        "m" => 60_000_000_000UL,
        "h" => 3_600_000_000_000UL,
        _ => null,
    };

    private static string Invalid(string text) =>
        $"invalid duration {Quoted.Value(text)}: expected numbers with units such as 30s, 1.5h or 1h30m";

    private static string Overflow(string text) =>
        $"invalid duration {Quoted.Value(text)}: longer than the largest duration, about 292 years";
}
