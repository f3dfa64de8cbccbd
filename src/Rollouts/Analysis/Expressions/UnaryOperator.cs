namespace Tollgate.Rollouts.Analysis.Expressions;

internal enum UnaryOperator
{
    Not,
    Negate,
    Plus,
}
