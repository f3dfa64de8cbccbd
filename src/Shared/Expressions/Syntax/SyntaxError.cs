namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>Thrown inside the lexer, parser and checker; turned into an <see cref="ExpressionException"/> with line and column.</summary>
internal sealed class SyntaxError(string message, int position) : Exception(message)
{
    public int Position { get; } = position;
}
