namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record ArrayNode(IReadOnlyList<Node> Items, int Position) : Node(Position);
