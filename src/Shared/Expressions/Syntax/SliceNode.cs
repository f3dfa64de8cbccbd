namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record SliceNode(Node Target, Node? From, Node? To, int Position) : Node(Position);
