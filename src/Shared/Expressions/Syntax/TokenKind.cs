namespace Tollgate.Shared.Expressions.Syntax;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    End,
}
