using Tollgate.Shared.Expressions.Runtime;
using Tollgate.Shared.Expressions.Syntax;
using Environment = Tollgate.Shared.Expressions.Runtime.Environment;

namespace Tollgate.Shared.Expressions.Checking;

/// <summary>
/// expr's compile-time checks: unknown names, argument counts, and operator/argument types wherever both
/// sides are statically known. Argo compiles with <c>result</c> typed as the measured value's Go type, so
/// the same check runs at compile time with <c>result</c> unknown and again per measurement with its type.
/// </summary>
internal sealed class Checker
{
    private readonly Nature result;
    private readonly List<(string Name, Nature Nature)> variables = [];
    private readonly List<(Nature Element, bool IsReduce)> predicates = [];

    private Checker(Nature result) => this.result = result;

    /// <exception cref="SyntaxError">The tree does not type-check.</exception>
    public static Nature Check(Node root, Nature result) => new Checker(result).Visit(root);

    private static SyntaxError Error(Node node, string message) => new(message, node.Position);

    private Nature Visit(Node node) => node switch
    {
        LiteralNode literal => Nature.Of(literal.Value),
        IdentifierNode identifier => Identifier(identifier),
        PointerNode pointer => Pointer(pointer),
        UnaryNode unary => Unary(unary),
        BinaryNode binary => Binary(binary),
        MemberNode member => Member(member),
        ChainNode chain => Visit(chain.Inner),
        SliceNode slice => Slice(slice),
        CallNode call => Call(call),
        BuiltinNode builtin => Builtin(builtin),
        PredicateNode predicate => Visit(predicate.Body),
        ArrayNode array => Array(array),
        MapNode map => Map(map),
        PairNode pair => Visit(pair.Value),
        ConditionalNode conditional => Conditional(conditional),
        LetNode let => Let(let),
        SequenceNode sequence => sequence.Items.Select(Visit).Last(),
        _ => Nature.Unknown,
    };

    private Nature Identifier(IdentifierNode node)
    {
        for (var i = variables.Count - 1; i >= 0; i--)
        {
            if (variables[i].Name == node.Name)
            {
                return variables[i].Nature;
            }
        }

        return node.Name switch
        {
            "result" => result,
            "$env" => Nature.Map,
            _ when Environment.IsFunction(node.Name) => new Nature(NatureKind.Function),
            _ => throw Error(node, $"unknown name {node.Name}"),
        };
    }

    private Nature Pointer(PointerNode node)
    {
        var (element, isReduce) = predicates[^1];
        return node.Name switch
        {
            "" => element,
            "index" => Nature.Int,
            "acc" when isReduce => Nature.Unknown,
            _ => throw Error(node, $"unknown pointer #{node.Name}"),
        };
    }

    private Nature Unary(UnaryNode node)
    {
        var operand = Visit(node.Operand);
        switch (node.Operator)
        {
            case "not" or "!":
                if (operand.Kind is NatureKind.Bool or NatureKind.Unknown)
                {
                    return Nature.Bool;
                }

                break;
            default:
                if (operand.IsNumber || operand.IsUnknown || operand.Kind == NatureKind.Duration)
                {
                    return operand;
                }

                break;
        }

        throw Error(node, $"invalid operation: {node.Operator} (mismatched type {operand})");
    }

    private Nature Binary(BinaryNode node)
    {
        var left = Visit(node.Left);
        var right = Visit(node.Right);
        var unknown = left.IsUnknown || right.IsUnknown;
        var numbers = left.IsNumber && right.IsNumber;
        Nature? nature = node.Operator switch
        {
            "==" or "!=" => Comparable(left, right) ? Nature.Bool : null,
            "and" or "&&" or "or" or "||" => left.Kind is NatureKind.Bool or NatureKind.Unknown && right.Kind is NatureKind.Bool or NatureKind.Unknown ? Nature.Bool : null,
            "<" or ">" or "<=" or ">=" => unknown || numbers || (left.Kind == right.Kind && left.Kind is NatureKind.String or NatureKind.Time or NatureKind.Duration) ? Nature.Bool : null,
            "+" => numbers ? Promote(left, right)
                : left.Kind == NatureKind.String && right.Kind == NatureKind.String ? Nature.String
                : (left.Kind, right.Kind) is (NatureKind.Time, NatureKind.Duration) or (NatureKind.Duration, NatureKind.Time) ? Nature.Time
                : left.Kind == NatureKind.Duration && right.Kind == NatureKind.Duration ? Nature.Duration
                : unknown && MaybeCompatible(left, right, NatureKind.Int, NatureKind.Float, NatureKind.String, NatureKind.Time, NatureKind.Duration) ? Nature.Unknown : null,
            "-" => numbers ? Promote(left, right)
                : left.Kind == NatureKind.Time && right.Kind == NatureKind.Time ? Nature.Duration
                : left.Kind == NatureKind.Time && right.Kind == NatureKind.Duration ? Nature.Time
                : left.Kind == NatureKind.Duration && right.Kind == NatureKind.Duration ? Nature.Duration
                : unknown && MaybeCompatible(left, right, NatureKind.Int, NatureKind.Float, NatureKind.Time, NatureKind.Duration) ? Nature.Unknown : null,
            "*" => numbers ? Promote(left, right)
                : (left.Kind, right.Kind) is (NatureKind.Duration, NatureKind.Int or NatureKind.Duration) or (NatureKind.Int, NatureKind.Duration) ? Nature.Duration
                : (left.Kind, right.Kind) is (NatureKind.Duration, NatureKind.Float) or (NatureKind.Float, NatureKind.Duration) ? Nature.Float
                : unknown && MaybeCompatible(left, right, NatureKind.Int, NatureKind.Float, NatureKind.Duration) ? Nature.Unknown : null,
            "/" or "**" or "^" => numbers || (unknown && MaybeCompatible(left, right, NatureKind.Int, NatureKind.Float)) ? Nature.Float : null,
            "%" => (left.Kind is NatureKind.Int or NatureKind.Unknown) && (right.Kind is NatureKind.Int or NatureKind.Unknown) ? Nature.Int : null,
            "in" => right.Kind is NatureKind.Array or NatureKind.Map or NatureKind.Unknown or NatureKind.Nil ? Nature.Bool : null,
            "contains" or "startsWith" or "endsWith" or "matches" => left.Kind is NatureKind.String or NatureKind.Unknown && right.Kind is NatureKind.String or NatureKind.Unknown ? Nature.Bool : null,
            ".." => (left.Kind is NatureKind.Int or NatureKind.Unknown) && (right.Kind is NatureKind.Int or NatureKind.Unknown) ? Nature.ArrayOf(Nature.Int) : null,
            "??" => left.Kind == NatureKind.Nil ? right : left.IsUnknown || right.IsUnknown || left != right ? Nature.Unknown : left,
            _ => throw Error(node, $"unknown operator ({node.Operator})"),
        };

        if (nature is null)
        {
            throw Error(node, $"invalid operation: {node.Operator} (mismatched types {left} and {right})");
        }

        if (node.Operator == "matches" && node.Right is LiteralNode { Value: string pattern })
        {
            try
            {
                GoRegex.Compile(pattern);
            }
            catch (EvaluationError error)
            {
                throw Error(node.Right, error.Message);
            }
        }

        return nature;
    }

    private static bool MaybeCompatible(Nature left, Nature right, params NatureKind[] kinds) =>
        (left.IsUnknown || kinds.Contains(left.Kind)) && (right.IsUnknown || kinds.Contains(right.Kind));

    private static Nature Promote(Nature left, Nature right) =>
        left.Kind == NatureKind.Int && right.Kind == NatureKind.Int ? Nature.Int : Nature.Float;

    private static bool Comparable(Nature left, Nature right) =>
        left.IsUnknown || right.IsUnknown || left.Kind == NatureKind.Nil || right.Kind == NatureKind.Nil
        || (left.IsNumber && right.IsNumber) || left.Kind == right.Kind;

    private Nature Member(MemberNode node)
    {
        var target = Visit(node.Target);
        var property = Visit(node.Property);
        switch (target.Kind)
        {
            case NatureKind.Unknown or NatureKind.Map:
                return Nature.Unknown;
            case NatureKind.Array or NatureKind.String or NatureKind.Bytes:
                if (property.Kind is not (NatureKind.Int or NatureKind.Unknown))
                {
                    throw Error(node.Property, $"array elements can only be selected using an integer (got {property})");
                }

                return target.Kind == NatureKind.Array ? target.Element ?? Nature.Unknown : Nature.Int;
            case NatureKind.Nil when node.Optional:
                return Nature.Unknown;
            default:
                throw Error(node, node.Property is LiteralNode { Value: string name }
                    ? $"type {target} has no field {name}"
                    : $"type {target}[{property}] is undefined");
        }
    }

    private Nature Slice(SliceNode node)
    {
        var target = Visit(node.Target);
        foreach (var bound in new[] { node.From, node.To })
        {
            if (bound is not null && Visit(bound) is { Kind: not (NatureKind.Int or NatureKind.Unknown) } index)
            {
                throw Error(bound, $"non-integer slice index {index}");
            }
        }

        return target.Kind is NatureKind.Array or NatureKind.String or NatureKind.Bytes or NatureKind.Unknown
            ? target
            : throw Error(node, $"cannot slice {target}");
    }

    private Nature Call(CallNode node)
    {
        var arguments = node.Arguments.Select(Visit).ToList();
        if (node.Callee is MemberNode method)
        {
            var target = Visit(method.Target);
            var name = (string)((LiteralNode)method.Property).Value!;
            return target.Kind switch
            {
                NatureKind.Unknown or NatureKind.Time or NatureKind.Duration or NatureKind.Location => Nature.Unknown,
                NatureKind.Nil when method.Optional => Nature.Unknown,
                _ => throw Error(method, $"type {target} has no method {name}"),
            };
        }

        var callee = (IdentifierNode)node.Callee;
        for (var i = variables.Count - 1; i >= 0; i--)
        {
            if (variables[i].Name == callee.Name)
            {
                throw Error(callee, $"{variables[i].Nature} is not callable");
            }
        }

        if (callee.Name == "result")
        {
            throw Error(callee, $"{result} is not callable");
        }

        if (!Environment.Functions.TryGetValue(callee.Name, out var arity))
        {
            throw Error(callee, $"unknown name {callee.Name}");
        }

        if (arguments.Count != arity)
        {
            throw Error(callee, arguments.Count < arity ? $"not enough arguments to call {callee.Name}" : $"too many arguments to call {callee.Name}");
        }

        if (callee.Name is "isNaN" or "isInf")
        {
            var argument = arguments[0];
            var literalInt = node.Arguments[0] is LiteralNode { Value: long };
            if (!(argument.Kind is NatureKind.Float or NatureKind.Unknown || literalInt))
            {
                throw Error(node.Arguments[0], $"cannot use {argument} as argument (type float64) to call {callee.Name}");
            }
        }

        return callee.Name switch
        {
            "asInt" => Nature.Int,
            "asFloat" => Nature.Float,
            "isNaN" or "isInf" or "isNil" => Nature.Bool,
            _ => result.Kind == NatureKind.Nil ? arguments[1] : result,
        };
    }

    private Nature Builtin(BuiltinNode node)
    {
        if (Predicates.IsPredicateBuiltin(node.Name))
        {
            return PredicateBuiltin(node);
        }

        if (Builtins.CheckArity(node.Name, node.Arguments.Count) is { } arityError)
        {
            throw Error(node, arityError);
        }

        var arguments = node.Arguments.Select(Visit).ToList();
        var first = arguments.Count > 0 ? arguments[0] : Nature.Unknown;
        switch (node.Name)
        {
            case "len":
                return first.Kind is NatureKind.Array or NatureKind.Map or NatureKind.String or NatureKind.Bytes or NatureKind.Unknown
                    ? Nature.Int
                    : throw Error(node, $"invalid argument for len (type {first})");
            case "abs":
                return first.IsNumber || first.IsUnknown ? first : throw Error(node, $"invalid argument for abs (type {first})");
            case "ceil" or "floor" or "round":
                return first.IsNumber || first.IsUnknown ? Nature.Float : throw Error(node, $"invalid argument for {node.Name} (type {first})");
            case "int" or "float":
                return first.IsNumber || first.IsUnknown || first.Kind == NatureKind.String
                    ? node.Name == "int" ? Nature.Int : Nature.Float
                    : throw Error(node, $"invalid argument for {node.Name} (type {first})");
            case "string" or "upper" or "lower" or "trim" or "trimPrefix" or "trimSuffix" or "replace" or "repeat" or "join" or "toJSON" or "toBase64" or "fromBase64" or "type":
                return Nature.String;
            case "split" or "splitAfter":
                return Nature.ArrayOf(Nature.String);
            case "indexOf" or "lastIndexOf" or "bitand" or "bitor" or "bitxor" or "bitnand" or "bitshl" or "bitshr" or "bitushr" or "bitnot":
                return Nature.Int;
            case "hasPrefix" or "hasSuffix":
                return Nature.Bool;
            case "mean" or "median":
                return Nature.Float;
            case "now" or "date":
                return Nature.Time;
            case "duration":
                return Nature.Duration;
            case "timezone":
                return new Nature(NatureKind.Location);
            case "first" or "last":
                return first.Kind switch
                {
                    NatureKind.Array => first.Element ?? Nature.Unknown,
                    NatureKind.Unknown => Nature.Unknown,
                    _ => throw Error(node, $"cannot get {node.Name} element from {first}"),
                };
            case "take" or "reverse" or "uniq" or "flatten" or "sort":
                return first.Kind is NatureKind.Array or NatureKind.Unknown
                    ? node.Name is "take" or "sort" ? first : Nature.AnyArray
                    : throw Error(node, $"cannot {node.Name} {first}");
            case "keys" or "values" or "toPairs":
                return first.Kind is NatureKind.Map or NatureKind.Unknown ? Nature.AnyArray : throw Error(node, $"cannot get {node.Name} from {first}");
            case "fromPairs":
                return Nature.Map;
            case "concat":
                return Nature.AnyArray;
            default:
                return Nature.Unknown;
        }
    }

    private Nature PredicateBuiltin(BuiltinNode node)
    {
        var collection = Visit(node.Arguments[0]);
        if (collection.Kind is not (NatureKind.Array or NatureKind.Unknown))
        {
            throw Error(node.Arguments[0], $"builtin {node.Name} takes only array (got {collection})");
        }

        var element = collection.Element ?? Nature.Unknown;
        Nature body = Nature.Unknown;
        if (node.Arguments.Count > 1)
        {
            predicates.Add((element, node.Name == "reduce"));
            try
            {
                body = Visit(node.Arguments[1]);
            }
            finally
            {
                predicates.RemoveAt(predicates.Count - 1);
            }
        }

        if (node.Arguments.Count > 2)
        {
            var extra = Visit(node.Arguments[2]);
            if (node.Name == "sortBy" && extra.Kind is not (NatureKind.String or NatureKind.Unknown))
            {
                throw Error(node.Arguments[2], $"sortBy order argument must be a string (got {extra})");
            }
        }

        var needsBool = node.Name is "all" or "any" or "none" or "one" or "filter" or "find" or "findIndex" or "findLast" or "findLastIndex" || (node.Name == "count" && node.Arguments.Count > 1);
        if (needsBool && body.Kind is not (NatureKind.Bool or NatureKind.Unknown))
        {
            throw Error(node.Arguments[1], $"predicate should return boolean (got {body})");
        }

        return node.Name switch
        {
            "all" or "any" or "none" or "one" => Nature.Bool,
            "filter" or "sortBy" => Nature.ArrayOf(element),
            "map" => Nature.ArrayOf(body),
            "count" or "findIndex" or "findLastIndex" => Nature.Int,
            "find" or "findLast" => element,
            "groupBy" => Nature.Map,
            _ => Nature.Unknown,
        };
    }

    private Nature Array(ArrayNode node)
    {
        var items = node.Items.Select(Visit).Distinct().ToList();
        return Nature.ArrayOf(items.Count == 1 ? items[0] : Nature.Unknown);
    }

    private Nature Map(MapNode node)
    {
        foreach (var pair in node.Pairs)
        {
            Visit(pair.Key);
            Visit(pair.Value);
        }

        return Nature.Map;
    }

    private Nature Conditional(ConditionalNode node)
    {
        var condition = Visit(node.Condition);
        if (condition.Kind is not (NatureKind.Bool or NatureKind.Unknown))
        {
            throw Error(node.Condition, $"non-bool expression (type {condition}) used as condition");
        }

        var then = Visit(node.Then);
        var otherwise = Visit(node.Else);
        return then == otherwise ? then : Nature.Unknown;
    }

    private Nature Let(LetNode node)
    {
        if (Builtins.IsBuiltin(node.Name))
        {
            throw Error(node, $"cannot redeclare builtin {node.Name}");
        }

        if (Environment.IsFunction(node.Name))
        {
            throw Error(node, $"cannot redeclare function {node.Name}");
        }

        if (node.Name == "result" || variables.Any(v => v.Name == node.Name))
        {
            throw Error(node, $"cannot redeclare variable {node.Name}");
        }

        var value = Visit(node.Value);
        variables.Add((node.Name, value));
        try
        {
            return Visit(node.Body);
        }
        finally
        {
            variables.RemoveAt(variables.Count - 1);
        }
    }
}
