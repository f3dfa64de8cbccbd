namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>max, min, mean and median over numbers and (nested) arrays of numbers, as expr computes them.</summary>
internal static class Aggregates
{
    public static object? MinMax(string name, object?[] arguments, bool wantMax)
    {
        object? best = null;
        foreach (var argument in arguments)
        {
            switch (argument)
            {
                case DoubleList doubles:
                    foreach (var value in doubles.Values)
                    {
                        best = Better(best, value, wantMax);
                    }

                    break;
                case IReadOnlyList<object?> list:
                    foreach (var item in list)
                    {
                        var candidate = item is IReadOnlyList<object?> ? MinMax(name, [item], wantMax) : item;
                        if (candidate is null && item is IReadOnlyList<object?>)
                        {
                            continue;
                        }

                        best = Values.IsNumber(candidate)
                            ? Better(best, candidate!, wantMax)
                            : throw new EvaluationError($"invalid argument for {name} (type {Values.GoType(candidate)})");
                    }

                    break;
                case long or double:
                    best = Better(best, argument, wantMax);
                    break;
                default:
                    // expr hands a lone non-numeric argument back unchanged.
                    return arguments.Length == 1
                        ? argument
                        : throw new EvaluationError($"invalid argument for {name} (type {Values.GoType(argument)})");
            }
        }

        return best;
    }

    private static object Better(object? best, object candidate, bool wantMax)
    {
        Interpreter.EnsureStack();
        if (best is null)
        {
            return candidate;
        }

        // Like expr, replace only when strictly better, so NaN never wins against an earlier value and ties keep the first.
        return wantMax ? (Values.Compare("<", best, candidate) ? candidate : best) : (Values.Compare(">", best, candidate) ? candidate : best);
    }

    public static List<double> Numbers(string name, object?[] arguments)
    {
        var numbers = new List<double>();
        foreach (var argument in arguments)
        {
            Collect(name, argument, numbers);
        }

        return numbers;
    }

    private static void Collect(string name, object? value, List<double> into)
    {
        switch (value)
        {
            case DoubleList doubles:
                into.AddRange(doubles.Values);
                break;
            case IReadOnlyList<object?> list:
                Interpreter.EnsureStack();
                foreach (var item in list)
                {
                    Collect(name, item, into);
                }

                break;
            case long or double:
                into.Add(Values.ToDouble(value));
                break;
            default:
                throw new EvaluationError($"invalid argument for {name} (type {Values.GoType(value)})");
        }
    }
}
