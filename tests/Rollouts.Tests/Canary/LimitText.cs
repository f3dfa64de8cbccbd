using System.Globalization;
using Tollgate.Rollouts.Canary;

namespace Tollgate.Rollouts.Tests.Canary;

/// <summary>Test-table shorthand: null = unset, "20%" = percentage, "2" = absolute count.</summary>
internal static class LimitText
{
    public static IntOrPercent? Parse(string? text) => text switch
    {
        null => null,
        _ when text.EndsWith('%') => IntOrPercent.Parse(text),
        _ => IntOrPercent.FromInt(int.Parse(text, CultureInfo.InvariantCulture)),
    };
}
