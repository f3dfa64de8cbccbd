namespace Tollgate.Shared.Expressions.Syntax;

/// <summary><c>#</c>: the element under test inside an all()/any() predicate.</summary>
internal sealed record ElementNode(int Position) : ExpressionNode(Position);
