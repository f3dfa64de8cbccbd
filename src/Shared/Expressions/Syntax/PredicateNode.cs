namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record PredicateNode(Node Body, int Position) : Node(Position);
