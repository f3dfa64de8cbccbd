namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record PairNode(Node Key, Node Value, int Position) : Node(Position);
