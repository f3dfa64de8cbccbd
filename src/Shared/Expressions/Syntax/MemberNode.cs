namespace Tollgate.Shared.Expressions.Syntax;

/// <summary><c>a.b</c>, <c>a?.b</c>, <c>a[b]</c> or <c>a?.[b]</c>.</summary>
internal sealed record MemberNode(Node Target, Node Property, bool Optional, int Position) : Node(Position);
