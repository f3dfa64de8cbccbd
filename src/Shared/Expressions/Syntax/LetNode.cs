namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record LetNode(string Name, Node Value, Node Body, int Position) : Node(Position);
