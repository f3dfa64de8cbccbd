namespace Tollgate.Shared.Expressions.Syntax;

/// <summary><c>#</c> (Name empty), <c>#index</c> or <c>#acc</c> inside a predicate; <c>.field</c> is a member of this node.</summary>
internal sealed record PointerNode(string Name, int Position) : Node(Position);
