namespace Tollgate.Shared.Expressions.Syntax;

/// <summary><c>a; b; c</c>: evaluates each, yields the last.</summary>
internal sealed record SequenceNode(IReadOnlyList<Node> Items, int Position) : Node(Position);
