namespace Tollgate.Shared.Expressions.Syntax;

internal enum TokenKind
{
    Identifier,
    Number,
    String,
    Bytes,
    Operator,
    Bracket,
    EOF,
}
