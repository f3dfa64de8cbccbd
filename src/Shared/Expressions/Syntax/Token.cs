namespace Tollgate.Shared.Expressions.Syntax;

/// <param name="Value">The parsed literal for numbers (long or double) and strings.</param>
/// <param name="Position">0-based offset of the token's first character.</param>
internal readonly record struct Token(TokenKind Kind, string Text, object? Value, int Position)
{
    public bool IsOperator(string text) => Kind == TokenKind.Operator && Text == text;

    public string Describe() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
