namespace Tollgate.Rollouts.Analysis.Expressions;

internal enum TokenKind
{
    Number,
    String,
    Identifier,
    Operator,
    End,
}
