namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record MapNode(IReadOnlyList<PairNode> Pairs, int Position) : Node(Position);
