namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>
/// Recursive-descent (precedence-climbing) parser with expr-lang's precedences:
/// or/|| 10, and/&amp;&amp; 15, comparisons 20, + - 30, * / % 60, ** ^ 100 (right-associative);
/// unary not/! bind at 50 and unary -/+ at 90, so <c>not a == b</c> is <c>(not a) == b</c>.
/// <c>a &lt; b &lt; c</c> chains into <c>a &lt; b and b &lt; c</c>, as in expr-lang.
/// </summary>
internal sealed class Parser
{
    private const int ComparisonPrecedence = 20;

    private static readonly Dictionary<string, (BinaryOperator Operator, int Precedence, bool RightAssociative)> BinaryOperators = new()
    {
        ["or"] = (BinaryOperator.Or, 10, false),
        ["||"] = (BinaryOperator.Or, 10, false),
        ["and"] = (BinaryOperator.And, 15, false),
        ["&&"] = (BinaryOperator.And, 15, false),
        ["=="] = (BinaryOperator.Equal, ComparisonPrecedence, false),
        ["!="] = (BinaryOperator.NotEqual, ComparisonPrecedence, false),
        ["<"] = (BinaryOperator.Less, ComparisonPrecedence, false),
        ["<="] = (BinaryOperator.LessOrEqual, ComparisonPrecedence, false),
        [">"] = (BinaryOperator.Greater, ComparisonPrecedence, false),
        [">="] = (BinaryOperator.GreaterOrEqual, ComparisonPrecedence, false),
        ["+"] = (BinaryOperator.Add, 30, false),
        ["-"] = (BinaryOperator.Subtract, 30, false),
        ["*"] = (BinaryOperator.Multiply, 60, false),
        ["/"] = (BinaryOperator.Divide, 60, false),
        ["%"] = (BinaryOperator.Modulo, 60, false),
        ["**"] = (BinaryOperator.Power, 100, true),
        ["^"] = (BinaryOperator.Power, 100, true),
    };

    private static readonly Dictionary<string, (UnaryOperator Operator, int Precedence)> UnaryOperators = new()
    {
        ["not"] = (UnaryOperator.Not, 50),
        ["!"] = (UnaryOperator.Not, 50),
        ["-"] = (UnaryOperator.Negate, 90),
        ["+"] = (UnaryOperator.Plus, 90),
    };

    private static readonly Dictionary<string, (BuiltinFunction Function, int Arity)> Functions = new()
    {
        ["len"] = (BuiltinFunction.Len, 1),
        ["isNaN"] = (BuiltinFunction.IsNaN, 1),
        ["isInf"] = (BuiltinFunction.IsInf, 1),
        ["isNil"] = (BuiltinFunction.IsNil, 1),
        ["default"] = (BuiltinFunction.Default, 2),
        ["asInt"] = (BuiltinFunction.AsInt, 1),
        ["asFloat"] = (BuiltinFunction.AsFloat, 1),
        ["all"] = (BuiltinFunction.All, 2),
        ["any"] = (BuiltinFunction.Any, 2),
    };

    private readonly IReadOnlyList<Token> tokens;
    private int index;
    private int predicateDepth;

    private Parser(IReadOnlyList<Token> tokens) => this.tokens = tokens;

    private Token Current => tokens[index];

    public static ExpressionNode Parse(string source)
    {
        var parser = new Parser(Tokenizer.Tokenize(source));
        if (parser.Current.Kind == TokenKind.End)
        {
            throw new ExpressionException("expression is empty");
        }

        var root = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw Unexpected(parser.Current);
        }

        return root;
    }

    private ExpressionNode ParseExpression(int minimumPrecedence)
    {
        var left = ParsePrimary();
        while (Current.Kind == TokenKind.Operator
            && BinaryOperators.TryGetValue(Current.Text, out var binary)
            && binary.Precedence >= minimumPrecedence)
        {
            var token = Advance();
            if (IsRelational(binary.Operator))
            {
                left = ParseRelationalChain(left, token, binary.Operator);
                continue;
            }

            var right = ParseExpression(binary.RightAssociative ? binary.Precedence : binary.Precedence + 1);
            left = new BinaryNode(binary.Operator, token.Text, left, right, token.Position);
        }

        return left;
    }

    private ExpressionNode ParseRelationalChain(ExpressionNode left, Token token, BinaryOperator relation)
    {
        ExpressionNode? chain = null;
        while (true)
        {
            var right = ParseExpression(ComparisonPrecedence + 1);
            var comparison = new BinaryNode(relation, token.Text, left, right, token.Position);
            chain = chain is null ? comparison : new BinaryNode(BinaryOperator.And, "and", chain, comparison, token.Position);
            if (Current.Kind != TokenKind.Operator
                || !BinaryOperators.TryGetValue(Current.Text, out var next)
                || !IsRelational(next.Operator))
            {
                return chain;
            }

            left = right;
            token = Advance();
            relation = next.Operator;
        }
    }

    private ExpressionNode ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Operator when UnaryOperators.TryGetValue(token.Text, out var unary):
                Advance();
                var operand = ParseExpression(unary.Precedence);
                return ParsePostfix(new UnaryNode(unary.Operator, token.Text, operand, token.Position));
            case TokenKind.Operator when token.Text == "(":
                Advance();
                var inner = ParseExpression(0);
                Expect(")", "to close '('");
                return ParsePostfix(inner);
            case TokenKind.Operator when token.Text == "#":
                if (predicateDepth == 0)
                {
                    throw new ExpressionException("'#' can only be used inside an all() or any() predicate", token.Position + 1);
                }

                Advance();
                return ParsePostfix(new ElementNode(token.Position));
            case TokenKind.Number or TokenKind.String:
                Advance();
                return ParsePostfix(new LiteralNode(token.Value, token.Position));
            case TokenKind.Identifier:
                Advance();
                return ParsePostfix(ParseIdentifier(token));
            case TokenKind.End:
                throw new ExpressionException("unexpected end of expression", token.Position + 1);
            default:
                throw Unexpected(token);
        }
    }

    private ExpressionNode ParseIdentifier(Token name)
    {
        if (Current.IsOperator("("))
        {
            return ParseCall(name);
        }

        return name.Text switch
        {
            "true" => new LiteralNode(true, name.Position),
            "false" => new LiteralNode(false, name.Position),
            "nil" => new LiteralNode(null, name.Position),
            "result" => new ResultNode(name.Position),
            _ => throw new ExpressionException($"unknown name {name.Text}", name.Position + 1),
        };
    }

    private CallNode ParseCall(Token name)
    {
        if (!Functions.TryGetValue(name.Text, out var signature))
        {
            throw new ExpressionException($"unknown function {name.Text}", name.Position + 1);
        }

        Advance();
        var arguments = new List<ExpressionNode>();
        if (signature.Function is BuiltinFunction.All or BuiltinFunction.Any)
        {
            arguments.Add(ParseExpression(0));
            Expect(",", $"between the arguments of {name.Text}()");
            arguments.Add(ParsePredicate());
        }
        else if (!Current.IsOperator(")"))
        {
            arguments.Add(ParseExpression(0));
            while (Current.IsOperator(","))
            {
                Advance();
                arguments.Add(ParseExpression(0));
            }
        }

        Expect(")", $"to close the call to {name.Text}()");
        if (arguments.Count != signature.Arity)
        {
            var plural = signature.Arity == 1 ? "argument" : "arguments";
            throw new ExpressionException(
                $"function {name.Text} expects {signature.Arity} {plural}, got {arguments.Count}", name.Position + 1);
        }

        return new CallNode(signature.Function, name.Text, arguments, name.Position);
    }

    /// <summary>A predicate, either <c>{# &gt; 1}</c> or the bare <c># &gt; 1</c>.</summary>
    private ExpressionNode ParsePredicate()
    {
        predicateDepth++;
        try
        {
            if (!Current.IsOperator("{"))
            {
                return ParseExpression(0);
            }

            Advance();
            var body = ParseExpression(0);
            Expect("}", "to close the predicate");
            return body;
        }
        finally
        {
            predicateDepth--;
        }
    }

    private ExpressionNode ParsePostfix(ExpressionNode node)
    {
        while (Current.IsOperator("["))
        {
            var bracket = Advance();
            var index = ParseExpression(0);
            Expect("]", "to close '['");
            node = new IndexNode(node, index, bracket.Position);
        }

        return node;
    }

    private Token Advance() => tokens[index++];

    private void Expect(string text, string purpose)
    {
        if (!Current.IsOperator(text))
        {
            throw new ExpressionException($"expected '{text}' {purpose} but found {Current.Describe()}", Current.Position + 1);
        }

        Advance();
    }

    private static bool IsRelational(BinaryOperator op) =>
        op is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;

    private static ExpressionException Unexpected(Token token) =>
        new($"unexpected token {token.Describe()}", token.Position + 1);
}
