namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Position">0-based offset in the source, used to place evaluation errors.</param>
internal abstract record ExpressionNode(int Position);
