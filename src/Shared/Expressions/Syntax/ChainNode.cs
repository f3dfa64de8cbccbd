namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>Wraps a member chain containing <c>?.</c>: a nil before an optional step makes the whole chain nil.</summary>
internal sealed record ChainNode(Node Inner, int Position) : Node(Position);
