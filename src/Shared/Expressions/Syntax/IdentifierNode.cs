namespace Tollgate.Shared.Expressions.Syntax;

internal sealed record IdentifierNode(string Name, int Position) : Node(Position);
