using System.Collections;

namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>
/// The value model of the interpreter: null (nil), bool, long (int), double (float), string, and
/// IReadOnlyList&lt;object?&gt; (array).
/// </summary>
internal static class Values
{
    public static string TypeName(object? value) => value switch
    {
        null => "nil",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        IReadOnlyList<object?> => "array",
        _ => value.GetType().Name,
    };

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object? value) => value switch
    {
        long integer => integer,
        double real => real,
        _ => throw new InvalidOperationException($"{TypeName(value)} is not a number"),
    };

    /// <summary>Converts a metric provider's result into the value model.</summary>
    public static object? FromResult(object? result) => result switch
    {
        null or bool or long or double or string => result,
        float single => (double)single,
        decimal money => (double)money,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(result, System.Globalization.CultureInfo.InvariantCulture),
        IEnumerable sequence => sequence.Cast<object?>().Select(FromResult).ToArray(),
        _ => throw new ArgumentException($"unsupported metric result type {result.GetType().Name}", nameof(result)),
    };
}
