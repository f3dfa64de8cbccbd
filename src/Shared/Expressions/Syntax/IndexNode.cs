namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record IndexNode(ExpressionNode Target, ExpressionNode Index, int Position) : ExpressionNode(Position);
