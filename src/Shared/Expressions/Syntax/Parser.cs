using System.Globalization;
using System.Runtime.CompilerServices;

namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>
/// expr-lang's grammar: precedence climbing with the same operator table, chained comparisons
/// (<c>a &lt; b &lt; c</c> means <c>a &lt; b &amp;&amp; b &lt; c</c>), <c>not in</c>-style negated operators,
/// ternaries, pipes, <c>let</c>, <c>if/else</c>, predicates and postfix member/index/slice access.
/// </summary>
internal sealed class Parser
{
    /// <summary>expr's default cap on syntax tree nodes.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>Our cap on tree height, so evaluation cannot exhaust the stack (e.g. 5,000 chained <c>+ 1</c>).</summary>
    public const int MaxHeight = 1_000;

    /// <summary>Our cap on bracket/operator nesting while parsing (e.g. 10,000 opening parentheses).</summary>
    public const int MaxNesting = 256;

    private static readonly Dictionary<string, (int Precedence, bool RightAssociative)> Binary = new()
    {
        ["|"] = (0, false),
        ["or"] = (10, false),
        ["||"] = (10, false),
        ["and"] = (15, false),
        ["&&"] = (15, false),
        ["=="] = (20, false),
        ["!="] = (20, false),
        ["<"] = (20, false),
        [">"] = (20, false),
        [">="] = (20, false),
        ["<="] = (20, false),
        ["in"] = (20, false),
        ["matches"] = (20, false),
        ["contains"] = (20, false),
        ["startsWith"] = (20, false),
        ["endsWith"] = (20, false),
        [".."] = (25, false),
        ["+"] = (30, false),
        ["-"] = (30, false),
        ["*"] = (60, false),
        ["/"] = (60, false),
        ["%"] = (60, false),
        ["**"] = (100, true),
        ["^"] = (100, true),
        ["??"] = (500, false),
    };

    private static readonly Dictionary<string, int> Unary = new()
    {
        ["not"] = 50,
        ["!"] = 50,
        ["-"] = 90,
        ["+"] = 90,
    };

    private static readonly HashSet<string> Negatable = ["contains", "matches", "startsWith", "endsWith", "in"];

    private readonly List<Token> tokens;
    private int index;
    private int predicateDepth;
    private int nodes;
    private int depth;

    private Parser(List<Token> tokens) => this.tokens = tokens;

    private Token Current => tokens[index];

    /// <exception cref="SyntaxError">The source is not a valid expression.</exception>
    public static Node Parse(string source)
    {
        var parser = new Parser(Lexer.Tokenize(source));
        var node = parser.ParseSequence();
        if (!parser.Current.Is(TokenKind.EOF))
        {
            throw parser.Unexpected(parser.Current);
        }

        return node;
    }

    private void Next()
    {
        if (index < tokens.Count - 1)
        {
            index++;
        }
    }

    private SyntaxError Unexpected(Token token) => new($"unexpected token {token}", token.Position);

    private void Expect(TokenKind kind, string value)
    {
        if (!Current.Is(kind, value))
        {
            throw Unexpected(Current);
        }

        Next();
    }

    private Token ExpectIdentifier()
    {
        var token = Current;
        if (!token.Is(TokenKind.Identifier))
        {
            throw Unexpected(token);
        }

        Next();
        return token;
    }

    private T Create<T>(T node, params Node?[] children)
        where T : Node
    {
        if (++nodes > MaxNodes)
        {
            throw new SyntaxError("compilation failed: expression exceeds maximum allowed nodes", node.Position);
        }

        var height = 1;
        foreach (var child in children)
        {
            if (child is not null && child.Height >= height)
            {
                height = child.Height + 1;
            }
        }

        if (height > MaxHeight)
        {
            throw new SyntaxError($"expression is nested too deeply (more than {MaxHeight} levels)", node.Position);
        }

        return height == 1 ? node : node with { Height = height };
    }

    private Node ParseSequence()
    {
        var first = ParseExpression(0);
        if (!Current.Is(TokenKind.Operator, ";"))
        {
            return first;
        }

        var items = new List<Node> { first };
        while (Current.Is(TokenKind.Operator, ";"))
        {
            Next();
            if (Current.Is(TokenKind.EOF))
            {
                break;
            }

            items.Add(ParseExpression(0));
        }

        return items.Count == 1 ? first : Create(new SequenceNode(items, first.Position), [.. items]);
    }

    private Node ParseExpression(int precedence)
    {
        if (++depth > MaxNesting || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new SyntaxError($"expression is nested too deeply (more than {MaxNesting} levels)", Current.Position);
        }

        try
        {
            return ParseExpressionCore(precedence);
        }
        finally
        {
            depth--;
        }
    }

    private Node ParseExpressionCore(int precedence)
    {
        if (precedence == 0 && Current.Is(TokenKind.Operator, "let"))
        {
            return ParseLet();
        }

        if (precedence == 0 && Current.Is(TokenKind.Operator, "if"))
        {
            return ParseIf();
        }

        var left = ParsePrimary();
        var previousOperator = "";
        var operatorToken = Current;
        while (operatorToken.Is(TokenKind.Operator))
        {
            var negate = operatorToken.Is(TokenKind.Operator, "not");
            Token notToken = default;
            if (negate)
            {
                var backup = index;
                Next();
                if (!Negatable.Contains(Current.Value))
                {
                    throw Unexpected(Current);
                }

                if (Binary[Current.Value].Precedence >= precedence)
                {
                    notToken = operatorToken;
                    operatorToken = Current;
                }
                else
                {
                    index = backup;
                    break;
                }
            }

            if (!Binary.TryGetValue(operatorToken.Value, out var op) || op.Precedence < precedence)
            {
                break;
            }

            Next();
            if (operatorToken.Value == "|")
            {
                var name = ExpectIdentifier();
                left = ParseCall(name, [left]);
            }
            else if (previousOperator == "??" && operatorToken.Value != "??")
            {
                throw new SyntaxError($"Operator ({operatorToken.Value}) and coalesce expressions (??) cannot be mixed. Wrap either by parentheses.", operatorToken.Position);
            }
            else if (operatorToken.Value is "<" or ">" or "<=" or ">=")
            {
                left = ParseComparison(left, operatorToken, op.Precedence);
            }
            else
            {
                var right = ParseExpression(op.RightAssociative ? op.Precedence : op.Precedence + 1);
                left = Create(new BinaryNode(operatorToken.Value, left, right, operatorToken.Position), left, right);
                if (negate)
                {
                    left = Create(new UnaryNode("not", left, notToken.Position), left);
                }
            }

            previousOperator = operatorToken.Value;
            operatorToken = Current;
        }

        if (precedence == 0)
        {
            left = ParseTernary(left);
        }

        return left;
    }

    private Node ParseComparison(Node left, Token token, int precedence)
    {
        Node? root = null;
        while (true)
        {
            var right = ParseExpression(precedence + 1);
            var comparison = Create(new BinaryNode(token.Value, left, right, token.Position), left, right);
            root = root is null ? comparison : Create(new BinaryNode("&&", root, comparison, token.Position), root, comparison);
            left = right;
            token = Current;
            if (!(token.Is(TokenKind.Operator) && token.Value is "<" or ">" or "<=" or ">="))
            {
                return root;
            }

            Next();
        }
    }

    private Node ParseLet()
    {
        Expect(TokenKind.Operator, "let");
        var name = ExpectIdentifier();
        Expect(TokenKind.Operator, "=");
        var value = ParseExpression(0);
        Expect(TokenKind.Operator, ";");
        var body = ParseSequence();
        return Create(new LetNode(name.Value, value, body, name.Position), value, body);
    }

    private Node ParseIf()
    {
        var position = Current.Position;
        Next();
        var condition = ParseExpression(0);
        Expect(TokenKind.Bracket, "{");
        var then = ParseSequence();
        Expect(TokenKind.Bracket, "}");
        Expect(TokenKind.Operator, "else");
        Node otherwise;
        if (Current.Is(TokenKind.Operator, "if"))
        {
            otherwise = ParseIf();
        }
        else
        {
            Expect(TokenKind.Bracket, "{");
            otherwise = ParseSequence();
            Expect(TokenKind.Bracket, "}");
        }

        return Create(new ConditionalNode(condition, then, otherwise, position), condition, then, otherwise);
    }

    private Node ParseTernary(Node node)
    {
        while (Current.Is(TokenKind.Operator, "?"))
        {
            Next();
            Node then;
            Node otherwise;
            if (!Current.Is(TokenKind.Operator, ":"))
            {
                then = ParseExpression(0);
                Expect(TokenKind.Operator, ":");
                otherwise = ParseExpression(0);
            }
            else
            {
                Next();
                then = node;
                otherwise = ParseExpression(0);
            }

            node = Create(new ConditionalNode(node, then, otherwise, Current.Position), node, then, otherwise);
        }

        return node;
    }

    private Node ParsePrimary()
    {
        var token = Current;
        if (token.Is(TokenKind.Operator) && Unary.TryGetValue(token.Value, out var precedence))
        {
            Next();
            var operand = ParseExpression(precedence);
            return ParsePostfix(Create(new UnaryNode(token.Value, operand, token.Position), operand));
        }

        if (token.Is(TokenKind.Bracket, "("))
        {
            Next();
            var inner = ParseSequence();
            Expect(TokenKind.Bracket, ")");
            return ParsePostfix(inner);
        }

        if (predicateDepth > 0 && (token.Is(TokenKind.Operator, "#") || token.Is(TokenKind.Operator, ".")))
        {
            var name = "";
            if (token.Is(TokenKind.Operator, "#"))
            {
                Next();
                if (Current.Is(TokenKind.Identifier))
                {
                    name = Current.Value;
                    Next();
                }
            }

            return ParsePostfix(Create(new PointerNode(name, token.Position)));
        }

        if (token.Is(TokenKind.Operator, "#") || token.Is(TokenKind.Operator, "##"))
        {
            throw new SyntaxError("cannot use pointer accessor outside predicate", token.Position);
        }

        return ParseSecondary();
    }

    private Node ParseSecondary()
    {
        var token = Current;
        Node node;
        switch (token.Kind)
        {
            case TokenKind.Identifier:
                Next();
                switch (token.Value)
                {
                    case "true":
                        return Create(new LiteralNode(true, token.Position));
                    case "false":
                        return Create(new LiteralNode(false, token.Position));
                    case "nil":
                        return Create(new LiteralNode(null, token.Position));
                }

                node = Current.Is(TokenKind.Bracket, "(")
                    ? ParseCall(token, [])
                    : Create(new IdentifierNode(token.Value, token.Position));
                break;
            case TokenKind.Number:
                Next();
                return Create(new LiteralNode(NumberValue(token), token.Position));
            case TokenKind.String:
                Next();
                node = Create(new LiteralNode(token.Value, token.Position));
                break;
            case TokenKind.Bytes:
                Next();
                node = Create(new LiteralNode(System.Text.Encoding.Latin1.GetBytes(token.Value), token.Position));
                break;
            default:
                if (token.Is(TokenKind.Bracket, "["))
                {
                    node = ParseArray();
                }
                else if (token.Is(TokenKind.Bracket, "{"))
                {
                    node = ParseMap();
                }
                else
                {
                    throw Unexpected(token);
                }

                break;
        }

        return ParsePostfix(node);
    }

    private static object NumberValue(Token token)
    {
        var text = token.Value.Replace("_", "", StringComparison.Ordinal);
        var lower = text.ToLowerInvariant();
        if (lower.StartsWith("0x", StringComparison.Ordinal))
        {
            return ParseInteger(text[2..], 16, "hex", token);
        }

        if (lower.Contains('.', StringComparison.Ordinal) || lower.Contains('e', StringComparison.Ordinal))
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) || lower.EndsWith('e') || lower.EndsWith("e+", StringComparison.Ordinal) || lower.EndsWith("e-", StringComparison.Ordinal))
            {
                throw new SyntaxError($"invalid float literal: strconv.ParseFloat: parsing \"{text}\": invalid syntax", token.Position);
            }

            if (double.IsInfinity(real))
            {
                throw new SyntaxError($"invalid float literal: strconv.ParseFloat: parsing \"{text}\": value out of range", token.Position);
            }

            return real;
        }

        if (lower.StartsWith("0b", StringComparison.Ordinal))
        {
            return ParseInteger(text[2..], 2, "binary", token);
        }

        return lower.StartsWith("0o", StringComparison.Ordinal)
            ? ParseInteger(text[2..], 8, "octal", token)
            : ParseInteger(text, 10, "integer", token);
    }

    private static long ParseInteger(string digits, int radix, string what, Token token)
    {
        var text = token.Value.Replace("_", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            throw new SyntaxError($"invalid {what} literal: strconv.ParseInt: parsing \"{text}\": invalid syntax", token.Position);
        }

        ulong value = 0;
        foreach (var c in digits)
        {
            var digit = (ulong)Convert.ToInt32(c.ToString(), 16);
            if (value > (ulong.MaxValue - digit) / (ulong)radix)
            {
                throw new SyntaxError($"invalid {what} literal: strconv.ParseInt: parsing \"{text}\": value out of range", token.Position);
            }

            value = (value * (ulong)radix) + digit;
        }

        return value <= long.MaxValue
            ? (long)value
            : throw new SyntaxError($"invalid {what} literal: strconv.ParseInt: parsing \"{text}\": value out of range", token.Position);
    }

    private static readonly Dictionary<string, PredicateArgument[]> Predicates = new()
    {
        ["all"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["none"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["any"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["one"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["filter"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["map"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["count"] = [PredicateArgument.Expression, PredicateArgument.OptionalPredicate],
        ["sum"] = [PredicateArgument.Expression, PredicateArgument.OptionalPredicate],
        ["find"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["findIndex"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["findLast"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["findLastIndex"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["groupBy"] = [PredicateArgument.Expression, PredicateArgument.Predicate],
        ["sortBy"] = [PredicateArgument.Expression, PredicateArgument.Predicate, PredicateArgument.OptionalExpression],
        ["reduce"] = [PredicateArgument.Expression, PredicateArgument.Predicate, PredicateArgument.OptionalExpression],
    };

    private Node ParseCall(Token name, List<Node> arguments)
    {
        if (Predicates.TryGetValue(name.Value, out var shape))
        {
            Expect(TokenKind.Bracket, "(");
            var remaining = shape[arguments.Count..];
            for (var i = 0; i < remaining.Length; i++)
            {
                var kind = remaining[i];
                var optional = kind is PredicateArgument.OptionalPredicate or PredicateArgument.OptionalExpression;
                if (Current.Is(TokenKind.Bracket, ")"))
                {
                    if (optional)
                    {
                        break;
                    }

                    throw new SyntaxError($"expected at least {remaining.Length} arguments", Current.Position);
                }

                if (i > 0)
                {
                    Expect(TokenKind.Operator, ",");
                }

                arguments.Add(kind is PredicateArgument.Predicate or PredicateArgument.OptionalPredicate ? ParsePredicate() : ParseExpression(0));
            }

            if (Current.Is(TokenKind.Operator, ","))
            {
                Next();
            }

            Expect(TokenKind.Bracket, ")");
            return Create(new BuiltinNode(name.Value, arguments, name.Position), [.. arguments]);
        }

        ParseArguments(arguments);
        return Runtime.Builtins.IsBuiltin(name.Value)
            ? Create(new BuiltinNode(name.Value, arguments, name.Position), [.. arguments])
            : Create(new CallNode(Create(new IdentifierNode(name.Value, name.Position)), arguments, name.Position), [.. arguments]);
    }

    private void ParseArguments(List<Node> arguments)
    {
        var offset = arguments.Count;
        Expect(TokenKind.Bracket, "(");
        while (!Current.Is(TokenKind.Bracket, ")"))
        {
            if (arguments.Count > offset)
            {
                Expect(TokenKind.Operator, ",");
            }

            if (Current.Is(TokenKind.Bracket, ")"))
            {
                break;
            }

            arguments.Add(ParseExpression(0));
        }

        Expect(TokenKind.Bracket, ")");
    }

    private Node ParsePredicate()
    {
        var start = Current;
        var braces = Current.Is(TokenKind.Bracket, "{");
        if (braces)
        {
            Next();
        }

        predicateDepth++;
        Node body;
        if (braces)
        {
            body = ParseSequence();
        }
        else
        {
            body = ParseExpression(0);
            if (Current.Is(TokenKind.Operator, ";"))
            {
                throw new SyntaxError("wrap predicate with brackets { and }", Current.Position);
            }
        }

        predicateDepth--;
        if (braces)
        {
            Expect(TokenKind.Bracket, "}");
        }

        return Create(new PredicateNode(body, start.Position), body);
    }

    private Node ParseArray()
    {
        var start = Current;
        Expect(TokenKind.Bracket, "[");
        var items = new List<Node>();
        while (!Current.Is(TokenKind.Bracket, "]"))
        {
            if (items.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.Is(TokenKind.Bracket, "]"))
                {
                    break;
                }
            }

            items.Add(ParseExpression(0));
        }

        Expect(TokenKind.Bracket, "]");
        return Create(new ArrayNode(items, start.Position), [.. items]);
    }

    private Node ParseMap()
    {
        var start = Current;
        Expect(TokenKind.Bracket, "{");
        var pairs = new List<PairNode>();
        while (!Current.Is(TokenKind.Bracket, "}"))
        {
            if (pairs.Count > 0)
            {
                Expect(TokenKind.Operator, ",");
                if (Current.Is(TokenKind.Bracket, "}"))
                {
                    break;
                }

                if (Current.Is(TokenKind.Operator, ","))
                {
                    throw Unexpected(Current);
                }
            }

            Node key;
            if (Current.Is(TokenKind.Number) || Current.Is(TokenKind.String) || Current.Is(TokenKind.Identifier))
            {
                key = Create(new LiteralNode(Current.Value, Current.Position));
                Next();
            }
            else if (Current.Is(TokenKind.Bracket, "("))
            {
                key = ParseExpression(0);
            }
            else
            {
                throw new SyntaxError($"a map key must be a quoted string, a number, a identifier, or an expression enclosed in parentheses (unexpected token {Current})", Current.Position);
            }

            Expect(TokenKind.Operator, ":");
            var value = ParseExpression(0);
            pairs.Add(Create(new PairNode(key, value, start.Position), key, value));
        }

        Expect(TokenKind.Bracket, "}");
        return Create(new MapNode(pairs, start.Position), [.. pairs]);
    }

    private Node ParsePostfix(Node node)
    {
        var token = Current;
        while (token.Is(TokenKind.Operator) || token.Is(TokenKind.Bracket))
        {
            var optional = token.Value == "?.";
            if (token.Value is "." or "?.")
            {
                Next();
                var property = Current;
                if (property.Is(TokenKind.EOF))
                {
                    throw new SyntaxError("unexpected end of expression", property.Position);
                }

                if (optional && property.Is(TokenKind.Bracket, "["))
                {
                    node = ParseIndexOrSlice(node, property, optional: true);
                    token = Current;
                    continue;
                }

                Next();
                if (property.Kind != TokenKind.Identifier && (property.Kind != TokenKind.Operator || !Lexer.IsValidIdentifier(property.Value)))
                {
                    throw new SyntaxError("expected name", property.Position);
                }

                var isChain = node is ChainNode;
                var target = node is ChainNode chain ? chain.Inner : node;
                var name = Create(new LiteralNode(property.Value, property.Position));
                Node member = Create(new MemberNode(target, name, optional, property.Position), target);
                if (Current.Is(TokenKind.Bracket, "("))
                {
                    var arguments = new List<Node>();
                    ParseArguments(arguments);
                    member = Create(new CallNode(member, arguments, property.Position), [member, .. arguments]);
                }

                node = isChain || optional ? Create(new ChainNode(member, property.Position), member) : member;
            }
            else if (token.Value == "[")
            {
                node = ParseIndexOrSlice(node, token, optional: false);
            }
            else
            {
                break;
            }

            token = Current;
        }

        return node;
    }

    private Node ParseIndexOrSlice(Node node, Token bracket, bool optional)
    {
        Next();
        if (Current.Is(TokenKind.Operator, ":"))
        {
            Next();
            Node? to = null;
            if (!Current.Is(TokenKind.Bracket, "]"))
            {
                to = ParseExpression(0);
            }

            Expect(TokenKind.Bracket, "]");
            return Create(new SliceNode(node, null, to, bracket.Position), node, to);
        }

        var from = ParseExpression(0);
        if (Current.Is(TokenKind.Operator, ":"))
        {
            Next();
            Node? to = null;
            if (!Current.Is(TokenKind.Bracket, "]"))
            {
                to = ParseExpression(0);
            }

            Expect(TokenKind.Bracket, "]");
            return Create(new SliceNode(node, from, to, bracket.Position), node, from, to);
        }

        Expect(TokenKind.Bracket, "]");
        Node member = Create(new MemberNode(node, from, optional, bracket.Position), node, from);
        return optional ? Create(new ChainNode(member, bracket.Position), member) : member;
    }
}
