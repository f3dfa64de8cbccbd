namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>A call of an environment function (Argo's asInt, isNil, ...) or of a method such as <c>.Hours()</c>.</summary>
internal sealed record CallNode(Node Callee, IReadOnlyList<Node> Arguments, int Position) : Node(Position);
