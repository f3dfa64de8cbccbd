namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Symbol">The operator as written (e.g. "and" or "&amp;&amp;"), for error messages.</param>
internal sealed record BinaryNode(BinaryOperator Operator, string Symbol, ExpressionNode Left, ExpressionNode Right, int Position)
    : ExpressionNode(Position);
