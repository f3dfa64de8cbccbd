namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>A call of one of expr's builtin functions; predicate arguments are <see cref="PredicateNode"/>s.</summary>
internal sealed record BuiltinNode(string Name, IReadOnlyList<Node> Arguments, int Position) : Node(Position);
