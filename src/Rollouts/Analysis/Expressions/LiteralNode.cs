namespace Tollgate.Rollouts.Analysis.Expressions;

/// <param name="Value">null, bool, long, double or string.</param>
internal sealed record LiteralNode(object? Value, int Position) : ExpressionNode(Position);
