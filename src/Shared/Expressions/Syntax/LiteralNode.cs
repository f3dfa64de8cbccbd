namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Value">null, bool, long, double or string.</param>
internal sealed record LiteralNode(object? Value, int Position) : ExpressionNode(Position);
