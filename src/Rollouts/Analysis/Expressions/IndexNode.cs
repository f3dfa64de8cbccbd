namespace Tollgate.Rollouts.Analysis.Expressions;

internal sealed record IndexNode(ExpressionNode Target, ExpressionNode Index, int Position) : ExpressionNode(Position);
