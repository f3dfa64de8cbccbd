namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record UnaryNode(string Operator, Node Operand, int Position) : Node(Position);
