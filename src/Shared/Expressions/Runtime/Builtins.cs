using System.Text;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>expr-lang's builtin functions that take no predicate, with expr's results and error texts.</summary>
internal static class Builtins
{
    /// <summary>Argument counts expr checks at compile time: (minimum, maximum; -1 = any number).</summary>
    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Arity = new Dictionary<string, (int, int)>
    {
        ["len"] = (1, 1), ["type"] = (1, 1), ["abs"] = (1, 1), ["ceil"] = (1, 1), ["floor"] = (1, 1), ["round"] = (1, 1),
        ["int"] = (1, 1), ["float"] = (1, 1), ["string"] = (1, 1),
        ["trim"] = (1, 2), ["trimPrefix"] = (1, 2), ["trimSuffix"] = (1, 2), ["upper"] = (1, 1), ["lower"] = (1, 1),
        ["split"] = (2, 3), ["splitAfter"] = (2, 3), ["replace"] = (3, 4), ["repeat"] = (2, 2), ["join"] = (1, 2),
        ["indexOf"] = (2, 2), ["lastIndexOf"] = (2, 2), ["hasPrefix"] = (2, 2), ["hasSuffix"] = (2, 2),
        ["max"] = (1, -1), ["min"] = (1, -1), ["mean"] = (1, -1), ["median"] = (1, -1),
        ["toJSON"] = (1, 1), ["fromJSON"] = (1, 1), ["toBase64"] = (1, 1), ["fromBase64"] = (1, 1),
        ["now"] = (0, 1), ["duration"] = (1, 1), ["date"] = (1, 4), ["timezone"] = (1, 1),
        ["first"] = (1, 1), ["last"] = (1, 1), ["get"] = (2, 2), ["take"] = (2, 2),
        ["keys"] = (1, 1), ["values"] = (1, 1), ["toPairs"] = (1, 1), ["fromPairs"] = (1, 1),
        ["reverse"] = (1, 1), ["uniq"] = (1, 1), ["concat"] = (1, -1), ["flatten"] = (1, 1), ["sort"] = (1, 2),
        ["bitand"] = (2, 2), ["bitor"] = (2, 2), ["bitxor"] = (2, 2), ["bitnand"] = (2, 2),
        ["bitshl"] = (2, 2), ["bitshr"] = (2, 2), ["bitushr"] = (2, 2), ["bitnot"] = (1, 1),
    };

    public static bool IsBuiltin(string name) => Arity.ContainsKey(name) || Predicates.IsPredicateBuiltin(name);

    /// <summary>expr's compile-time argument count check, or null when the count is fine.</summary>
    public static string? CheckArity(string name, int count)
    {
        if (!Arity.TryGetValue(name, out var arity))
        {
            return null;
        }

        if (count < arity.Min)
        {
            return arity.Max < 0 || arity.Min == 0
                ? $"not enough arguments to call {name}"
                : arity.Min == arity.Max
                    ? $"invalid number of arguments (expected {arity.Min}, got {count})"
                    : $"not enough arguments to call {name}";
        }

        if (arity.Max >= 0 && count > arity.Max)
        {
            return arity.Min == arity.Max
                ? $"invalid number of arguments (expected {arity.Min}, got {count})"
                : $"too many arguments to call {name}";
        }

        return null;
    }

    public static object? Call(string name, object?[] a, EvaluationBudget budget)
    {
        if (CheckArity(name, a.Length) is { } arityError)
        {
            throw new EvaluationError(arityError);
        }

        switch (name)
        {
            case "len":
                return a[0] switch
                {
                    string text => (long)text.EnumerateRunes().Count(),
                    IReadOnlyList<object?> list => (long)list.Count,
                    ExprMap map => (long)map.Count,
                    byte[] bytes => (long)bytes.Length,
                    _ => throw new EvaluationError($"invalid argument for len (type {Values.GoType(a[0])})"),
                };
            case "type":
                return Values.TypeOf(a[0]);
            case "abs":
                return a[0] switch
                {
                    long integer => (object)(integer < 0 ? unchecked(-integer) : integer),
                    double real => (object)(real < 0 ? -real : real),
                    _ => throw new EvaluationError($"invalid argument for abs (type {Values.GoType(a[0])})"),
                };
            case "ceil":
                return Rounding(name, a[0], Math.Ceiling);
            case "floor":
                return Rounding(name, a[0], Math.Floor);
            case "round":
                return Rounding(name, a[0], r => Math.Round(r, MidpointRounding.AwayFromZero));
            case "int":
                return a[0] switch
                {
                    long integer => integer,
                    double real => Values.Truncate(real),
                    string text => long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && !text.StartsWith(' ')
                        ? parsed
                        : throw new EvaluationError($"invalid operation: int({text})"),
                    _ => throw new EvaluationError($"invalid operation: int({Values.GoType(a[0])})"),
                };
            case "float":
                return a[0] switch
                {
                    long integer => (double)integer,
                    double real => real,
                    string text => ParseFloatOr(text),
                    _ => throw new EvaluationError($"invalid operation: float({Values.GoType(a[0])})"),
                };
            case "string":
                return GoFormat.Value(a[0]);
            case "trim":
                return a.Length == 1 ? Str(a[0], name).Trim(GoWhitespace) : Str(a[0], name).Trim(Str(a[1], name).ToCharArray());
            case "trimPrefix":
                {
                    var text = Str(a[0], name);
                    var prefix = a.Length == 2 ? Str(a[1], name) : " ";
                    return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
                }

            case "trimSuffix":
                {
                    var text = Str(a[0], name);
                    var suffix = a.Length == 2 ? Str(a[1], name) : " ";
                    return text.EndsWith(suffix, StringComparison.Ordinal) ? text[..^suffix.Length] : text;
                }

            case "upper":
                return Str(a[0], name).ToUpperInvariant();
            case "lower":
                return Str(a[0], name).ToLowerInvariant();
            case "split" or "splitAfter":
                return GoStrings.Split(Str(a[0], name), Str(a[1], name), a.Length == 3 ? Values.ToInt(a[2]) : -1, name == "splitAfter", budget);
            case "replace":
                return GoStrings.Replace(Str(a[0], name), Str(a[1], name), Str(a[2], name), a.Length == 4 ? Values.ToInt(a[3]) : -1);
            case "repeat":
                {
                    var text = Str(a[0], name);
                    var count = Values.ToInt(a[1]);
                    if (count < 0)
                    {
                        throw new EvaluationError($"invalid argument for repeat (expected positive integer, got {count})");
                    }

                    if (count > 1_000_000 || (long)text.Length * count > EvaluationBudget.MaxMemory * 10)
                    {
                        throw new EvaluationError("memory budget exceeded");
                    }

                    budget.Allocate(text.Length * count / 10);
                    return new StringBuilder(text.Length * (int)count).Insert(0, text, (int)count).ToString();
                }

            case "join":
                {
                    var glue = a.Length == 2 ? Str(a[1], name) : "";
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"invalid argument for join (type {Values.GoType(a[0])})");
                    return string.Join(glue, list.Select(item => item as string ?? throw new EvaluationError($"interface conversion: interface {{}} is {Values.GoType(item)}, not string")));
                }

            case "indexOf":
                return GoStrings.ByteIndex(Str(a[0], name), Str(a[0], name).IndexOf(Str(a[1], name), StringComparison.Ordinal));
            case "lastIndexOf":
                return GoStrings.ByteIndex(Str(a[0], name), Str(a[0], name).LastIndexOf(Str(a[1], name), StringComparison.Ordinal));
            case "hasPrefix":
                return Str(a[0], name).StartsWith(Str(a[1], name), StringComparison.Ordinal);
            case "hasSuffix":
                return Str(a[0], name).EndsWith(Str(a[1], name), StringComparison.Ordinal);
            case "max":
                return Aggregates.MinMax(name, a, wantMax: true);
            case "min":
                return Aggregates.MinMax(name, a, wantMax: false);
            case "mean":
                {
                    var numbers = Aggregates.Numbers(name, a);
                    return numbers.Count == 0 ? 0.0 : numbers.Sum() / numbers.Count;
                }

            case "median":
                {
                    var numbers = Aggregates.Numbers(name, a);
                    if (numbers.Count == 0)
                    {
                        return 0.0;
                    }

                    numbers.Sort();
                    var middle = numbers.Count / 2;
                    return numbers.Count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2;
                }

            case "toJSON":
                return GoJson.Serialize(a[0]);
            case "fromJSON":
                return GoJson.Deserialize(Str(a[0], name));
            case "toBase64":
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(Str(a[0], name)));
            case "fromBase64":
                try
                {
                    return Encoding.UTF8.GetString(Convert.FromBase64String(Str(a[0], name)));
                }
                catch (FormatException)
                {
                    throw new EvaluationError("illegal base64 data at input byte 0");
                }

            case "now":
                return a.Length == 0
                    ? DateTimeOffset.UtcNow
                    : a[0] is TimeZoneInfo zone ? TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone) : throw new EvaluationError("invalid number of arguments (expected 0, got 1)");
            case "duration":
                return GoTime.ParseDuration(Str(a[0], name));
            case "date":
                return GoTime.Date(a);
            case "timezone":
                return GoTime.Zone(Str(a[0], name));
            case "first":
                return a[0] switch
                {
                    IReadOnlyList<object?> { Count: > 0 } list => list[0],
                    string { Length: > 0 } text => (long)text[0],
                    _ => null,
                };
            case "last":
                return a[0] switch
                {
                    IReadOnlyList<object?> { Count: > 0 } list => list[^1],
                    string { Length: > 0 } text => (long)text[^1],
                    _ => null,
                };
            case "get":
                return Get(a[0], a[1]);
            case "take":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot take from {Kind(a[0])}");
                    var count = a[1] is long n ? n : throw new EvaluationError($"cannot take {Kind(a[1])} elements");
                    return list.Take((int)Math.Clamp(count, 0, list.Count)).ToList();
                }

            case "keys":
                return (a[0] as ExprMap ?? throw new EvaluationError($"cannot get keys from {Kind(a[0])}")).Keys.Cast<object?>().ToList();
            case "values":
                return (a[0] as ExprMap ?? throw new EvaluationError($"cannot get values from {Kind(a[0])}")).Values.ToList();
            case "toPairs":
                return (a[0] as ExprMap ?? throw new EvaluationError($"cannot transform {Kind(a[0])} to pairs"))
                    .Select(pair => (object?)new List<object?> { pair.Key, pair.Value }).ToList();
            case "fromPairs":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot transform {GoFormat.Value(a[0])} from pairs");
                    var map = new ExprMap();
                    foreach (var item in list)
                    {
                        if (item is not IReadOnlyList<object?> pair)
                        {
                            throw new EvaluationError($"invalid pair {GoFormat.Value(item)}");
                        }

                        if (pair.Count != 2)
                        {
                            throw new EvaluationError($"invalid pair length {GoFormat.Value(item)}");
                        }

                        map[pair[0] ?? throw new EvaluationError("invalid pair key <nil>")] = pair[1];
                    }

                    return map;
                }

            case "reverse":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot reverse {Kind(a[0])}");
                    budget.Allocate(list.Count);
                    return list.Reverse().ToList();
                }

            case "uniq":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot uniq {Kind(a[0])}");
                    var unique = new List<object?>();
                    foreach (var item in list)
                    {
                        if (!unique.Any(seen => Values.Equal(item, seen)))
                        {
                            unique.Add(item);
                        }
                    }

                    return unique;
                }

            case "concat":
                {
                    var all = new List<object?>();
                    foreach (var argument in a)
                    {
                        var list = argument as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot concat {Kind(argument)}");
                        budget.Allocate(list.Count);
                        all.AddRange(list);
                    }

                    return all;
                }

            case "flatten":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"cannot flatten {Kind(a[0])}");
                    var flat = new List<object?>();
                    Flatten(list, flat, budget);
                    return flat;
                }

            case "sort":
                {
                    var list = a[0] as IReadOnlyList<object?> ?? throw new EvaluationError($"invalid argument for sort (type {Values.GoType(a[0])})");
                    var descending = a.Length == 2 && (a[1] is string order
                        ? order switch
                        {
                            "asc" => false,
                            "desc" => true,
                            _ => throw new EvaluationError($"invalid order {order}, expected asc or desc"),
                        }
                        : throw new EvaluationError($"sort order argument must be a string (got {Values.GoType(a[1])})"));
                    budget.Allocate(list.Count);
                    return Sorting.StableSort(list.ToList(), item => item, descending);
                }

            case "bitnot":
                return ~BitOperand(a[0], name);
            case "bitand" or "bitor" or "bitxor" or "bitnand" or "bitshl" or "bitshr" or "bitushr":
                {
                    var x = BitOperand(a[0], name);
                    var y = BitOperand(a[1], name);
                    if (name is "bitshl" or "bitshr" or "bitushr" && y < 0)
                    {
                        throw new EvaluationError($"invalid operation: negative shift count {y} (type int)");
                    }

                    return name switch
                    {
                        "bitand" => x & y,
                        "bitor" => x | y,
                        "bitxor" => x ^ y,
                        "bitnand" => x & ~y,
                        "bitshl" => y >= 64 ? 0 : x << (int)y,
                        "bitshr" => y >= 64 ? (x < 0 ? -1 : 0) : x >> (int)y,
                        _ => y >= 64 ? 0 : (long)((ulong)x >> (int)y),
                    };
                }

            default:
                throw new EvaluationError($"unknown builtin {name}");
        }
    }

    private static readonly char[] GoWhitespace = [' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0'];

    private static string Str(object? value, string function) => Values.AsString(value, function);

    private static string Kind(object? value) => value switch
    {
        null => "invalid",
        IReadOnlyList<object?> => "slice",
        ExprMap => "map",
        long => "int",
        double => "float64",
        _ => Values.GoType(value),
    };

    private static double ParseFloatOr(string text)
    {
        try
        {
            return GoStrconv.ParseFloat(text);
        }
        catch (EvaluationError)
        {
            throw new EvaluationError($"invalid operation: float({text})");
        }
    }

    private static object Rounding(string name, object? value, Func<double, double> round) => value switch
    {
        double real => round(real),
        long integer => (double)integer,
        _ => throw new EvaluationError($"invalid argument for {name} (type {Values.GoType(value)})"),
    };

    private static long BitOperand(object? value, string name) => value is long integer
        ? integer
        : throw new EvaluationError($"cannot use {Values.GoType(value)} as argument (type int) to call {name}");

    private static object? Get(object? target, object? key)
    {
        switch (target)
        {
            case IReadOnlyList<object?> list when key is long or double:
                var index = Values.ToInt(key);
                if (index < 0)
                {
                    index += list.Count;
                }

                return index >= 0 && index < list.Count ? list[(int)index] : null;
            case ExprMap map:
                return key is not null && map.TryGetValue(key, out var value) ? value : null;
            default:
                return null;
        }
    }

    private static void Flatten(IReadOnlyList<object?> list, List<object?> into, EvaluationBudget budget)
    {
        Interpreter.EnsureStack();
        foreach (var item in list)
        {
            if (item is IReadOnlyList<object?> inner)
            {
                Flatten(inner, into, budget);
            }
            else
            {
                budget.Allocate(1);
                into.Add(item);
            }
        }
    }
}
