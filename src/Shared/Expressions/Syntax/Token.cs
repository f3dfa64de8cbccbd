namespace Tollgate.Shared.Expressions.Syntax;

/// <summary>A lexical token; <see cref="Position"/> is the 0-based character offset in the source.</summary>
internal readonly record struct Token(TokenKind Kind, string Value, int Position)
{
    public bool Is(TokenKind kind) => Kind == kind;

    public bool Is(TokenKind kind, string value) => Kind == kind && Value == value;

    /// <summary>expr's rendering, e.g. <c>Operator(")")</c> or <c>EOF</c>.</summary>
    public override string ToString() => Value.Length == 0 ? Kind.ToString() : $"{Kind}({GoQuote(Value)})";

    private static string GoQuote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
