namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Symbol">The operator as written (e.g. "not" or "!"), for error messages.</param>
internal sealed record UnaryNode(UnaryOperator Operator, string Symbol, ExpressionNode Operand, int Position) : ExpressionNode(Position);
