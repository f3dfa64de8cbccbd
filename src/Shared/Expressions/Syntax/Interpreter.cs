using System.Diagnostics;
using System.Globalization;

namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>Evaluates a parsed condition against one metric result; type rules follow expr-lang.</summary>
internal static class Interpreter
{
    public static object? Evaluate(ExpressionNode node, object? result) => Evaluate(node, new Scope(result, Element: null));

    private static object? Evaluate(ExpressionNode node, Scope scope) => node switch
    {
        LiteralNode literal => literal.Value,
        ResultNode => scope.Result,
        ElementNode => scope.Element,
        UnaryNode unary => EvaluateUnary(unary, scope),
        BinaryNode binary => EvaluateBinary(binary, scope),
        IndexNode index => EvaluateIndex(index, scope),
        CallNode call => EvaluateCall(call, scope),
        _ => throw new UnreachableException($"unhandled node {node.GetType().Name}"),
    };

    private static object? EvaluateUnary(UnaryNode node, Scope scope)
    {
        var operand = Evaluate(node.Operand, scope);
        return (node.Operator, operand) switch
        {
            (UnaryOperator.Not, bool flag) => !flag,
            (UnaryOperator.Negate, long integer) => unchecked(-integer),
            (UnaryOperator.Negate, double real) => -real,
            (UnaryOperator.Plus, long or double) => operand,
            _ => throw Error($"invalid operation: {node.Symbol} {Values.TypeName(operand)}", node),
        };
    }

    private static object? EvaluateBinary(BinaryNode node, Scope scope)
    {
        if (node.Operator is BinaryOperator.And or BinaryOperator.Or)
        {
            var left = RequireBool(Evaluate(node.Left, scope), node);
            if (left == (node.Operator == BinaryOperator.Or))
            {
                return left;
            }

            return RequireBool(Evaluate(node.Right, scope), node);
        }

        var leftValue = Evaluate(node.Left, scope);
        var rightValue = Evaluate(node.Right, scope);
        return node.Operator switch
        {
            BinaryOperator.Equal => AreEqual(leftValue, rightValue, node),
            BinaryOperator.NotEqual => !AreEqual(leftValue, rightValue, node),
            BinaryOperator.Less => Compare(leftValue, rightValue, node) is < 0,
            BinaryOperator.LessOrEqual => Compare(leftValue, rightValue, node) is <= 0,
            BinaryOperator.Greater => Compare(leftValue, rightValue, node) is > 0,
            BinaryOperator.GreaterOrEqual => Compare(leftValue, rightValue, node) is >= 0,
            _ => Arithmetic(node, leftValue, rightValue),
        };
    }

    private static bool RequireBool(object? value, BinaryNode node) =>
        value is bool flag
            ? flag
            : throw Error($"invalid operation: operator {node.Symbol} needs bool operands, got {Values.TypeName(value)}", node);

    private static bool AreEqual(object? left, object? right, ExpressionNode node) => (left, right) switch
    {
        (null, _) or (_, null) => left is null && right is null,
        (long a, long b) => a == b,
        (long or double, long or double) => Values.ToDouble(left) == Values.ToDouble(right),
        (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
        (bool a, bool b) => a == b,
        (IReadOnlyList<object?> a, IReadOnlyList<object?> b) =>
            a.Count == b.Count && a.Zip(b).All(pair => AreEqual(pair.First, pair.Second, node)),
        _ => throw Error($"invalid operation: {Values.TypeName(left)} == {Values.TypeName(right)} (mismatched types)", node),
    };

    /// <summary>Null when the operands are unordered (NaN), which makes every relational operator false.</summary>
    private static int? Compare(object? left, object? right, BinaryNode node) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (long or double, long or double) when double.IsNaN(Values.ToDouble(left)) || double.IsNaN(Values.ToDouble(right)) => null,
        (long or double, long or double) => Values.ToDouble(left).CompareTo(Values.ToDouble(right)),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => throw Error($"invalid operation: {Values.TypeName(left)} {node.Symbol} {Values.TypeName(right)}", node),
    };

    private static object Arithmetic(BinaryNode node, object? left, object? right)
    {
        if (node.Operator == BinaryOperator.Add && left is string prefix && right is string suffix)
        {
            return prefix + suffix;
        }

        if (!Values.IsNumber(left) || !Values.IsNumber(right))
        {
            throw Error($"invalid operation: {Values.TypeName(left)} {node.Symbol} {Values.TypeName(right)}", node);
        }

        if (left is long a && right is long b)
        {
            switch (node.Operator)
            {
                case BinaryOperator.Add: return unchecked(a + b);
                case BinaryOperator.Subtract: return unchecked(a - b);
                case BinaryOperator.Multiply: return unchecked(a * b);
                case BinaryOperator.Modulo:
                    return b == 0 ? throw Error("integer divide by zero", node) : a % b;
            }
        }

        var x = Values.ToDouble(left);
        var y = Values.ToDouble(right);
        return node.Operator switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => x / y,
            BinaryOperator.Power => Math.Pow(x, y),
            BinaryOperator.Modulo => throw Error($"invalid operation: {Values.TypeName(left)} % {Values.TypeName(right)} (% needs int operands)", node),
            _ => throw new UnreachableException($"unhandled operator {node.Operator}"),
        };
    }

    private static object? EvaluateIndex(IndexNode node, Scope scope)
    {
        var target = Evaluate(node.Target, scope);
        var indexValue = Evaluate(node.Index, scope);
        var length = target switch
        {
            IReadOnlyList<object?> list => list.Count,
            string text => text.Length,
            _ => throw Error($"cannot index {Values.TypeName(target)}", node),
        };

        var requested = indexValue switch
        {
            long integer => integer,
            double real when real == Math.Truncate(real) && Math.Abs(real) <= int.MaxValue => (long)real,
            _ => throw Error($"index must be an int, got {Values.TypeName(indexValue)}", node),
        };

        var position = requested < 0 ? requested + length : requested;
        if (position < 0 || position >= length)
        {
            throw Error(
                $"index out of range: {requested.ToString(CultureInfo.InvariantCulture)} (array length is {length.ToString(CultureInfo.InvariantCulture)})",
                node);
        }

        return target is string characters ? characters[(int)position].ToString() : ((IReadOnlyList<object?>)target)[(int)position];
    }

    private static object? EvaluateCall(CallNode node, Scope scope)
    {
        if (node.Function == BuiltinFunction.Default)
        {
            return Evaluate(node.Arguments[0], scope) ?? Evaluate(node.Arguments[1], scope);
        }

        if (node.Function is BuiltinFunction.All or BuiltinFunction.Any)
        {
            return EvaluateQuantifier(node, scope);
        }

        var argument = Evaluate(node.Arguments[0], scope);
        return node.Function switch
        {
            BuiltinFunction.IsNil => argument is null,
            BuiltinFunction.Len => argument switch
            {
                IReadOnlyList<object?> list => (long)list.Count,
                string text => (long)text.Length,
                _ => throw ArgumentError(node, argument, "an array or string"),
            },
            BuiltinFunction.IsNaN => argument switch
            {
                long => false,
                double real => double.IsNaN(real),
                _ => throw ArgumentError(node, argument, "a number"),
            },
            BuiltinFunction.IsInf => argument switch
            {
                long => false,
                double real => double.IsInfinity(real),
                _ => throw ArgumentError(node, argument, "a number"),
            },
            BuiltinFunction.AsInt => AsInt(node, argument),
            BuiltinFunction.AsFloat => AsFloat(node, argument),
            _ => throw new UnreachableException($"unhandled function {node.Function}"),
        };
    }

    private static long AsInt(CallNode node, object? argument)
    {
        switch (argument)
        {
            case long integer:
                return integer;
            case double real when double.IsFinite(real) && Math.Abs(real) < 9.2e18:
                return (long)Math.Truncate(real);
            case string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case string text:
                throw Error($"asInt() cannot parse \"{text}\" as an int", node);
            default:
                throw ArgumentError(node, argument, "a finite number or a numeric string");
        }
    }

    private static double AsFloat(CallNode node, object? argument) => argument switch
    {
        long or double => Values.ToDouble(argument),
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        string text => throw Error($"asFloat() cannot parse \"{text}\" as a float", node),
        _ => throw ArgumentError(node, argument, "a number or a numeric string"),
    };

    private static bool EvaluateQuantifier(CallNode node, Scope scope)
    {
        var collection = Evaluate(node.Arguments[0], scope);
        if (collection is not IReadOnlyList<object?> elements)
        {
            throw ArgumentError(node, collection, "an array");
        }

        var wantAll = node.Function == BuiltinFunction.All;
        foreach (var element in elements)
        {
            var verdict = Evaluate(node.Arguments[1], scope with { Element = element });
            if (verdict is not bool matches)
            {
                throw Error($"{node.Name}() predicate must return bool, got {Values.TypeName(verdict)}", node);
            }

            if (matches != wantAll)
            {
                return matches;
            }
        }

        return wantAll;
    }

    private static ExpressionException ArgumentError(CallNode node, object? argument, string expected) =>
        Error($"{node.Name}() expects {expected}, got {Values.TypeName(argument)}", node);

    private static ExpressionException Error(string problem, ExpressionNode node) => new(problem, node.Position + 1);

    private readonly record struct Scope(object? Result, object? Element);
}
