namespace Tollgate.Shared.Expressions.Syntax;

internal enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}
