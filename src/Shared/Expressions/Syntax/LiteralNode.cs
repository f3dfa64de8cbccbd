namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>nil, a bool, an int (long), a float (double), a string, or bytes.</summary>
internal sealed record LiteralNode(object? Value, int Position) : Node(Position);
