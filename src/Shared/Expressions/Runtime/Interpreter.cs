using System.Runtime.CompilerServices;
using Tollgate.Shared.Expressions.Syntax;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Walks a checked syntax tree with <c>result</c> bound; one instance per evaluation.</summary>
internal sealed class Interpreter
{
    /// <summary>Marks a <c>?.</c> chain cut short by nil; its <see cref="ChainNode"/> turns it into nil.</summary>
    private static readonly object ChainCut = new();

    private readonly object? result;
    private readonly EvaluationBudget budget = new();

    private Interpreter(object? result) => this.result = result;

    public static object? Evaluate(Node root, object? result) => new Interpreter(result).Eval(root, new Scope(null));

    private object? Eval(Node node, Scope scope)
    {
        budget.Step();
        try
        {
            return node switch
            {
                LiteralNode literal => literal.Value,
                IdentifierNode identifier => Identifier(identifier, scope),
                PointerNode pointer => Pointer(pointer, scope),
                UnaryNode unary => Unary(unary, scope),
                BinaryNode binary => Binary(binary, scope),
                MemberNode member => Member(member, scope),
                ChainNode chain => Eval(chain.Inner, scope) is var value && ReferenceEquals(value, ChainCut) ? null : value,
                SliceNode slice => Slice(slice, scope),
                CallNode call => Call(call, scope),
                BuiltinNode builtin => Builtin(builtin, scope),
                ArrayNode array => Array(array, scope),
                MapNode map => Map(map, scope),
                ConditionalNode conditional => Values.AsBool(Eval(conditional.Condition, scope), "non-bool condition")
                    ? Eval(conditional.Then, scope)
                    : Eval(conditional.Else, scope),
                LetNode let => Let(let, scope),
                SequenceNode sequence => Sequence(sequence, scope),
                _ => throw new EvaluationError($"cannot evaluate {node.GetType().Name}"),
            };
        }
        catch (EvaluationError error) when (error.Position < 0)
        {
            throw new EvaluationError(error.Message, node.Position);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new EvaluationError("expression is nested too deeply", node.Position);
        }
    }

    private object? Identifier(IdentifierNode node, Scope scope)
    {
        if (scope.TryGet(node.Name, out var value))
        {
            return value;
        }

        return node.Name switch
        {
            "result" => result,
            "$env" => Environment.Map(result),
            _ => throw new EvaluationError($"unknown name {node.Name}"),
        };
    }

    private static object? Pointer(PointerNode node, Scope scope)
    {
        var predicate = scope.Predicate();
        return node.Name switch
        {
            "" => predicate.Element,
            "index" => predicate.Index,
            "acc" => predicate.Accumulator,
            _ => throw new EvaluationError($"unknown pointer #{node.Name}"),
        };
    }

    private object? Unary(UnaryNode node, Scope scope)
    {
        var operand = Eval(node.Operand, scope);
        return node.Operator switch
        {
            "not" or "!" => !Values.AsBool(operand, node.Operator),
            "-" => Values.Negate(operand),
            _ => Values.IsNumber(operand) || operand is TimeSpan ? operand : throw new EvaluationError($"invalid operation: + {Values.GoType(operand)}"),
        };
    }

    private object? Binary(BinaryNode node, Scope scope)
    {
        switch (node.Operator)
        {
            case "and" or "&&":
                return Values.AsBool(Eval(node.Left, scope), node.Operator) && Values.AsBool(Eval(node.Right, scope), node.Operator);
            case "or" or "||":
                return Values.AsBool(Eval(node.Left, scope), node.Operator) || Values.AsBool(Eval(node.Right, scope), node.Operator);
            case "??":
                return Eval(node.Left, scope) ?? Eval(node.Right, scope);
        }

        var left = Eval(node.Left, scope);
        var right = Eval(node.Right, scope);
        return node.Operator switch
        {
            "==" => Values.Equal(left, right),
            "!=" => !Values.Equal(left, right),
            "<" or ">" or "<=" or ">=" => Values.Compare(node.Operator, left, right),
            "+" => Values.Add(left, right),
            "-" => Values.Subtract(left, right),
            "*" => Values.Multiply(left, right),
            "/" => Values.Divide(left, right),
            "%" => Values.Modulo(left, right),
            "**" or "^" => Values.Power(left, right),
            "in" => In(left, right),
            "contains" => StringOperands(node.Operator, left, right, (a, b) => a.Contains(b, StringComparison.Ordinal)),
            "startsWith" => StringOperands(node.Operator, left, right, (a, b) => a.StartsWith(b, StringComparison.Ordinal)),
            "endsWith" => StringOperands(node.Operator, left, right, (a, b) => a.EndsWith(b, StringComparison.Ordinal)),
            "matches" => StringOperands(node.Operator, left, right, GoRegex.IsMatch),
            ".." => Range(left, right),
            _ => throw new EvaluationError($"unknown operator ({node.Operator})"),
        };
    }

    private static bool StringOperands(string op, object? left, object? right, Func<string, string, bool> test) =>
        left is string a && right is string b
            ? test(a, b)
            : throw new EvaluationError($"invalid operation: {op} (mismatched types {Values.GoType(left)} and {Values.GoType(right)})");

    private static bool In(object? needle, object? haystack)
    {
        switch (haystack)
        {
            case null:
                return false;
            case IReadOnlyList<object?> list:
                if (list is DoubleList doubles && Values.IsNumber(needle))
                {
                    var wanted = Values.ToDouble(needle);
                    foreach (var sample in doubles.Values)
                    {
                        if (sample == wanted)
                        {
                            return true;
                        }
                    }

                    return false;
                }

                foreach (var item in list)
                {
                    if (Values.Equal(item, needle))
                    {
                        return true;
                    }
                }

                return false;
            case ExprMap map:
                return needle is not null && map.ContainsKey(needle);
            default:
                throw new EvaluationError($"operator \"in\" not defined on {Values.GoType(haystack)}");
        }
    }

    private List<object?> Range(object? from, object? to)
    {
        if (from is not long start || to is not long end)
        {
            throw new EvaluationError($"invalid operation: {Values.GoType(from)} .. {Values.GoType(to)}");
        }

        if (end < start)
        {
            return [];
        }

        var count = end - start + 1;
        if (count is <= 0 or > EvaluationBudget.MaxMemory)
        {
            throw new EvaluationError("memory budget exceeded");
        }

        budget.Allocate(count);
        var list = new List<object?>((int)count);
        for (var i = start; i <= end; i++)
        {
            list.Add(i);
        }

        return list;
    }

    private object? Member(MemberNode node, Scope scope)
    {
        var target = Eval(node.Target, scope);
        if (ReferenceEquals(target, ChainCut) || (node.Optional && target is null))
        {
            return ChainCut;
        }

        return Fetch(target, Eval(node.Property, scope));
    }

    /// <summary>expr's runtime.Fetch: map lookup (missing keys are nil), array/string index (negative from the end).</summary>
    public static object? Fetch(object? target, object? property)
    {
        switch (target)
        {
            case ExprMap map:
                return property is not null && map.TryGetValue(property, out var value) ? value : null;
            case IReadOnlyList<object?> list:
                return list[CheckIndex(Values.ToInt(property), list.Count)];
            case string text:
                return (long)text[CheckIndex(Values.ToInt(property), text.Length)];
            case byte[] bytes:
                return (long)bytes[CheckIndex(Values.ToInt(property), bytes.Length)];
            default:
                throw new EvaluationError($"cannot fetch {GoFormat.Value(property)} from {Values.GoType(target)}");
        }
    }

    private static int CheckIndex(long index, int length)
    {
        if (index < 0)
        {
            index += length;
        }

        return index < 0 || index >= length
            ? throw new EvaluationError($"index out of range: {index} (array length is {length})")
            : (int)index;
    }

    private object? Slice(SliceNode node, Scope scope)
    {
        var target = Eval(node.Target, scope);
        var length = target switch
        {
            IReadOnlyList<object?> list => list.Count,
            string text => text.Length,
            byte[] bytes => bytes.Length,
            _ => throw new EvaluationError($"cannot slice {Values.GoType(target)}"),
        };
        var from = node.From is null ? 0 : Values.ToInt(Eval(node.From, scope));
        var to = node.To is null ? length : Values.ToInt(Eval(node.To, scope));
        from = from < 0 ? Math.Max(0, length + from) : from;
        to = to < 0 ? Math.Max(0, length + to) : Math.Min(to, length);
        from = Math.Min(from, to);
        var (start, count) = ((int)from, (int)(to - from));
        return target switch
        {
            DoubleList doubles => new DoubleList(doubles.Values[start..(start + count)]),
            IReadOnlyList<object?> list => SliceList(list, start, count),
            string text => text.Substring(start, count),
            _ => ((byte[])target!)[start..(start + count)],
        };
    }

    private static List<object?> SliceList(IReadOnlyList<object?> list, int start, int count)
    {
        var slice = new List<object?>(count);
        for (var i = start; i < start + count; i++)
        {
            slice.Add(list[i]);
        }

        return slice;
    }

    private object? Call(CallNode node, Scope scope)
    {
        if (node.Callee is MemberNode method)
        {
            var target = Eval(method.Target, scope);
            if (ReferenceEquals(target, ChainCut) || (method.Optional && target is null))
            {
                return ChainCut;
            }

            var name = (string)((LiteralNode)method.Property).Value!;
            return Methods.Call(target, name, EvalAll(node.Arguments, scope));
        }

        var function = ((IdentifierNode)node.Callee).Name;
        return Environment.Call(function, EvalAll(node.Arguments, scope), result);
    }

    private object?[] EvalAll(IReadOnlyList<Node> nodes, Scope scope)
    {
        var values = new object?[nodes.Count];
        for (var i = 0; i < nodes.Count; i++)
        {
            values[i] = Eval(nodes[i], scope);
        }

        return values;
    }

    private List<object?> Array(ArrayNode node, Scope scope)
    {
        budget.Allocate(node.Items.Count);
        var list = new List<object?>(node.Items.Count);
        foreach (var item in node.Items)
        {
            list.Add(Eval(item, scope));
        }

        return list;
    }

    private ExprMap Map(MapNode node, Scope scope)
    {
        budget.Allocate(node.Pairs.Count);
        var map = new ExprMap(node.Pairs.Count);
        foreach (var pair in node.Pairs)
        {
            var key = Eval(pair.Key, scope) ?? throw new EvaluationError("map key is nil");
            map[key] = Eval(pair.Value, scope);
        }

        return map;
    }

    private object? Let(LetNode node, Scope scope)
    {
        var inner = new Scope(scope);
        inner.Define(node.Name, Eval(node.Value, scope));
        return Eval(node.Body, inner);
    }

    private object? Sequence(SequenceNode node, Scope scope)
    {
        object? last = null;
        foreach (var item in node.Items)
        {
            last = Eval(item, scope);
        }

        return last;
    }

    private object? Builtin(BuiltinNode node, Scope scope)
    {
        if (Predicates.IsPredicateBuiltin(node.Name))
        {
            var collection = Eval(node.Arguments[0], scope);
            var predicate = node.Arguments.Count > 1 && node.Arguments[1] is PredicateNode p ? p : null;
            var extra = node.Arguments.Count > 2 ? Eval(node.Arguments[2], scope) : null;
            // One scope per call, rebound for each element: the body reads #, #index and #acc synchronously.
            var inner = new Scope(scope) { IsPredicate = true };
            return Predicates.Run(node.Name, collection, predicate, node.Arguments.Count > 2, extra, (body, element, index, accumulator) =>
            {
                budget.Step();
                inner.Element = element;
                inner.Index = index;
                inner.Accumulator = accumulator;
                return Eval(body, inner);
            }, budget);
        }

        return Builtins.Call(node.Name, EvalAll(node.Arguments, scope), budget);
    }

    /// <summary>Guards recursion in builtins over nested values (flatten, toJSON, min/max over nested arrays).</summary>
    public static void EnsureStack()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new EvaluationError("recursion depth exceeded");
        }
    }
}
