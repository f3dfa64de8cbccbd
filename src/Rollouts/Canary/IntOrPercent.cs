using System.Globalization;

namespace Tollgate.Rollouts.Canary;

/// <summary>An int-or-string limit such as maxSurge: an absolute pod count or a percentage of the desired replicas.</summary>
public sealed record IntOrPercent
{
    private IntOrPercent(int value, bool isPercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        Value = value;
        IsPercent = isPercent;
    }

    public int Value { get; }

    public bool IsPercent { get; }

    public static IntOrPercent FromInt(int count) => new(count, isPercent: false);

    public static IntOrPercent FromPercent(int percent) => new(percent, isPercent: true);

    /// <summary>Parses the string form of the field, e.g. "25%".</summary>
    /// <remarks>
    /// A string without '%' is still a percentage: Argo resolves these fields with the deprecated
    /// intstr.GetValueFromIntOrPercent, which strips '%' and treats every string as a percent.
    /// </remarks>
    public static IntOrPercent Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.EndsWith('%') ? text[..^1] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var percent))
        {
            throw new FormatException($"invalid int-or-percent value '{text}': expected a whole number or a percentage such as \"25%\"");
        }

        return FromPercent(percent);
    }

    /// <summary>The absolute count for <paramref name="total"/> replicas; percentages round up or down as asked.</summary>
    public int Resolve(int total, bool roundUp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        if (!IsPercent)
        {
            return Value;
        }

        var scaled = (long)Value * total;
        return (int)(roundUp ? (scaled + 99) / 100 : scaled / 100);
    }

    public override string ToString() =>
        IsPercent ? $"{Value.ToString(CultureInfo.InvariantCulture)}%" : Value.ToString(CultureInfo.InvariantCulture);
}
