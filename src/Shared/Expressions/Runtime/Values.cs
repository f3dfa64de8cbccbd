using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>
/// expr's value model and its run-time operators. Values are null (nil), bool, long (int), double (float),
/// string, byte[], IReadOnlyList&lt;object?&gt; (array), <see cref="ExprMap"/> (map), DateTimeOffset
/// (time.Time), TimeSpan (time.Duration) and TimeZoneInfo (*time.Location).
/// </summary>
internal static class Values
{
    /// <summary>Go's %T for a value, as expr's run-time messages print it.</summary>
    public static string GoType(object? value) => value switch
    {
        null => "<nil>",
        bool => "bool",
        long => "int",
        double => "float64",
        string => "string",
        byte[] => "[]uint8",
        DoubleList => "[]float64",
        IReadOnlyList<object?> => "[]interface {}",
        ExprMap => "map[string]interface {}",
        DateTimeOffset => "time.Time",
        TimeSpan => "time.Duration",
        TimeZoneInfo => "*time.Location",
        _ => value.GetType().Name,
    };

    /// <summary>expr's type() builtin.</summary>
    public static string TypeOf(object? value) => value switch
    {
        null => "nil",
        bool => "bool",
        long => "int",
        double => "float",
        string => "string",
        byte[] or IReadOnlyList<object?> => "array",
        ExprMap => "map",
        DateTimeOffset => "time.Time",
        TimeSpan => "time.Duration",
        TimeZoneInfo => "time.Location",
        _ => "unknown",
    };

    public static bool IsNumber(object? value) => value is long or double;

    public static double ToDouble(object? value) => value switch
    {
        long integer => integer,
        double real => real,
        _ => throw new EvaluationError($"invalid operation: float({GoType(value)})"),
    };

    /// <summary>expr's runtime.ToInt, used for indexes and counts: floats are truncated.</summary>
    public static long ToInt(object? value) => value switch
    {
        long integer => integer,
        double real => Truncate(real),
        _ => throw new EvaluationError($"invalid operation: int({GoType(value)})"),
    };

    /// <summary>Go's int(float64): truncation; out-of-range values give the minimum int as on amd64.</summary>
    public static long Truncate(double real) =>
        double.IsNaN(real) || real >= 9.2233720368547758e18 || real < -9.2233720368547758e18 ? long.MinValue : (long)real;

    /// <summary>Converts a metric provider's result into the value model (see <see cref="ConditionExpression.Evaluate"/>).</summary>
    public static object? FromResult(object? result) => result switch
    {
        _ when !System.Runtime.CompilerServices.RuntimeHelpers.TryEnsureSufficientExecutionStack() => throw new EvaluationError("result is nested too deeply"),
        null or bool or long or double or string => result,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(result, CultureInfo.InvariantCulture),
        ulong unsigned => unchecked((long)unsigned),
        float single => (double)single,
        decimal money => (double)money,
        double[] samples => new DoubleList(samples),
        float[] samples => new DoubleList(Array.ConvertAll(samples, s => (double)s)),
        JsonElement json => FromJson(json),
        DoubleList or ExprMap => result,
        IReadOnlyDictionary<string, object?> map => FromMap(map),
        IDictionary map => FromMap(map),
        IEnumerable sequence => sequence.Cast<object?>().Select(FromResult).ToList(),
        _ => throw new ArgumentException($"unsupported metric result type {result.GetType().Name}", nameof(result)),
    };

    private static ExprMap FromMap(IReadOnlyDictionary<string, object?> map)
    {
        var converted = new ExprMap(map.Count);
        foreach (var (key, value) in map)
        {
            converted[key] = FromResult(value);
        }

        return converted;
    }

    private static ExprMap FromMap(IDictionary map)
    {
        var converted = new ExprMap(map.Count);
        foreach (DictionaryEntry entry in map)
        {
            converted[FromResult(entry.Key) ?? ""] = FromResult(entry.Value);
        }

        return converted;
    }

    /// <summary>As Go's encoding/json decodes into interface{}: every number is a float64.</summary>
    public static object? FromJson(JsonElement json)
    {
        Interpreter.EnsureStack();
        switch (json.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new ExprMap();
                foreach (var property in json.EnumerateObject())
                {
                    map[property.Name] = FromJson(property.Value);
                }

                return map;
            case JsonValueKind.Array:
                var list = new List<object?>(json.GetArrayLength());
                foreach (var item in json.EnumerateArray())
                {
                    list.Add(FromJson(item));
                }

                return list;
            case JsonValueKind.String:
                return json.GetString();
            case JsonValueKind.Number:
                return json.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    /// <summary>expr's runtime.Equal: numbers across int/float, arrays element-wise, otherwise same type and value.</summary>
    public static bool Equal(object? a, object? b)
    {
        switch (a, b)
        {
            case (long x, long y):
                return x == y;
            case (long x, double y):
                return x == y;
            case (double x, long y):
                return x == y;
            case (double x, double y):
                return x == y;
            case (string x, string y):
                return string.Equals(x, y, StringComparison.Ordinal);
            case (bool x, bool y):
                return x == y;
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (DateTimeOffset x, DateTimeOffset y):
                return x == y;
            case (TimeSpan x, TimeSpan y):
                return x == y;
            case (byte[] x, byte[] y):
                return x.AsSpan().SequenceEqual(y);
            case (IReadOnlyList<object?> x, IReadOnlyList<object?> y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                for (var i = 0; i < x.Count; i++)
                {
                    if (!Equal(x[i], y[i]))
                    {
                        return false;
                    }
                }

                return true;
            case (ExprMap x, ExprMap y):
                if (x.Count != y.Count)
                {
                    return false;
                }

                foreach (var (key, value) in x)
                {
                    if (!y.TryGetValue(key, out var other) || !Equal(value, other))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return ReferenceEquals(a, b) || a.Equals(b);
        }
    }

    /// <summary>expr's Less/More/LessOrEqual/MoreOrEqual.</summary>
    public static bool Compare(string op, object? a, object? b)
    {
        int? order = (a, b) switch
        {
            (long x, long y) => x.CompareTo(y),
            (long or double, long or double) => CompareFloats(ToDouble(a), ToDouble(b)),
            (string x, string y) => Math.Sign(string.CompareOrdinal(x, y)),
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (TimeSpan x, TimeSpan y) => x.CompareTo(y),
            _ => throw new EvaluationError($"invalid operation: {GoType(a)} {op} {GoType(b)}"),
        };

        // NaN is unordered: every comparison with it is false.
        return order switch
        {
            null => false,
            var o => op switch
            {
                "<" => o < 0,
                ">" => o > 0,
                "<=" => o <= 0,
                _ => o >= 0,
            },
        };
    }

    private static int? CompareFloats(double x, double y) => double.IsNaN(x) || double.IsNaN(y) ? null : x.CompareTo(y);

    public static object Add(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => unchecked(x + y),
        (long or double, long or double) => ToDouble(a) + ToDouble(b),
        (string x, string y) => string.Concat(x, y),
        (DateTimeOffset x, TimeSpan y) => x + y,
        (TimeSpan x, DateTimeOffset y) => y + x,
        (TimeSpan x, TimeSpan y) => x + y,
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} + {GoType(b)}"),
    };

    public static object Subtract(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => unchecked(x - y),
        (long or double, long or double) => ToDouble(a) - ToDouble(b),
        (DateTimeOffset x, DateTimeOffset y) => x - y,
        (DateTimeOffset x, TimeSpan y) => x - y,
        (TimeSpan x, TimeSpan y) => x - y,
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} - {GoType(b)}"),
    };

    public static object Multiply(object? a, object? b) => (a, b) switch
    {
        (long x, long y) => unchecked(x * y),
        (long or double, long or double) => ToDouble(a) * ToDouble(b),
        (TimeSpan x, long y) => TimeSpan.FromTicks(unchecked(x.Ticks * y)),
        (long x, TimeSpan y) => TimeSpan.FromTicks(unchecked(x * y.Ticks)),
        (TimeSpan x, double y) => x.Ticks * 100.0 * y, // Go: float64(duration) * float64 is a float of nanoseconds
        (double x, TimeSpan y) => x * y.Ticks * 100.0,
        (TimeSpan x, TimeSpan y) => TimeSpan.FromTicks(unchecked(x.Ticks * y.Ticks * 100)),
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} * {GoType(b)}"),
    };

    public static double Divide(object? a, object? b) => (a, b) switch
    {
        (long or double, long or double) => ToDouble(a) / ToDouble(b),
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} / {GoType(b)}"),
    };

    public static long Modulo(object? a, object? b) => (a, b) switch
    {
        (long, 0L) => throw new EvaluationError("runtime error: integer divide by zero"),
        (long x, -1L) => x == long.MinValue ? 0 : x % -1,
        (long x, long y) => x % y,
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} % {GoType(b)}"),
    };

    public static double Power(object? a, object? b) => (a, b) switch
    {
        (long or double, long or double) => Math.Pow(ToDouble(a), ToDouble(b)),
        _ => throw new EvaluationError($"invalid operation: {GoType(a)} ** {GoType(b)}"),
    };

    public static object Negate(object? value) => value switch
    {
        long integer => unchecked(-integer),
        double real => -real,
        TimeSpan duration => -duration,
        _ => throw new EvaluationError($"invalid operation: - {GoType(value)}"),
    };

    public static bool AsBool(object? value, string context) => value is bool flag
        ? flag
        : throw new EvaluationError($"invalid operation: {context} (mismatched type {GoType(value)}, expected bool)");

    public static string AsString(object? value, string function) => value is string text
        ? text
        : throw new EvaluationError($"invalid argument for {function} (type {GoType(value)}, expected string)");
}
