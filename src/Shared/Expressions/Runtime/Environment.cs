namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>
/// Argo Rollouts' expression environment (utils/evaluate/evaluate.go): <c>result</c> and the functions
/// asInt, asFloat, isNaN, isInf, isNil and default, with Argo's quirks: isNil and default look at
/// <c>result</c> whatever their argument is.
/// </summary>
internal static class Environment
{
    public static readonly IReadOnlyDictionary<string, int> Functions = new Dictionary<string, int>
    {
        ["asInt"] = 1,
        ["asFloat"] = 1,
        ["isNaN"] = 1,
        ["isInf"] = 1,
        ["isNil"] = 1,
        ["default"] = 2,
    };

    public static bool IsFunction(string name) => Functions.ContainsKey(name);

    public static ExprMap Map(object? result)
    {
        var map = new ExprMap { ["result"] = result };
        foreach (var name in Functions.Keys)
        {
            map[name] = name;
        }

        return map;
    }

    public static object? Call(string name, object?[] arguments, object? result)
    {
        if (!Functions.TryGetValue(name, out var arity))
        {
            throw new EvaluationError($"unknown func {name}");
        }

        if (arguments.Length != arity)
        {
            throw new EvaluationError(arguments.Length < arity ? $"not enough arguments to call {name}" : $"too many arguments to call {name}");
        }

        var argument = arguments[0];
        return name switch
        {
            "asInt" => argument switch
            {
                long integer => integer,
                double real => Values.Truncate(real),
                string text => GoStrconv.ParseInt(text),
                _ => throw new EvaluationError($"asInt() not supported on {Values.GoType(argument)} {GoFormat.Value(argument)}"),
            },
            "asFloat" => argument switch
            {
                long integer => (double)integer,
                double real => real,
                string text => GoStrconv.ParseFloat(text),
                _ => throw new EvaluationError($"asFloat() not supported on {Values.GoType(argument)} {GoFormat.Value(argument)}"),
            },
            "isNaN" => double.IsNaN(FloatArgument(name, argument)),
            "isInf" => double.IsInfinity(FloatArgument(name, argument)),
            "isNil" => result is null,
            _ => result ?? arguments[1],
        };
    }

    private static double FloatArgument(string name, object? argument) => argument switch
    {
        double real => real,
        long integer => integer,
        _ => throw new EvaluationError($"cannot use {Values.GoType(argument)} as argument (type float64) to call {name}"),
    };
}
