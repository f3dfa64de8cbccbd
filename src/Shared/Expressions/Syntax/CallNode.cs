namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Name">The function name as written, for error messages.</param>
internal sealed record CallNode(BuiltinFunction Function, string Name, IReadOnlyList<ExpressionNode> Arguments, int Position)
    : ExpressionNode(Position);
