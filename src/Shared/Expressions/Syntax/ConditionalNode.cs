namespace Tollgate.Shared.Expressions.Syntax;

/// <summary><c>c ? a : b</c>, <c>c ?: b</c> and <c>if c { a } else { b }</c>.</summary>
internal sealed record ConditionalNode(Node Condition, Node Then, Node Else, int Position) : Node(Position);
