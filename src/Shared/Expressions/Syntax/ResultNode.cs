namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>The variable <c>result</c>: the measured metric value.</summary>
internal sealed record ResultNode(int Position) : ExpressionNode(Position);
