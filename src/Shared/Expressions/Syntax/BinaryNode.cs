namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record BinaryNode(string Operator, Node Left, Node Right, int Position) : Node(Position);
