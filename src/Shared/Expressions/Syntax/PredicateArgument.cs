namespace Tollgate.Shared.Expressions.Syntax;

internal enum PredicateArgument
{
    Expression,
    Predicate,
    OptionalPredicate,
    OptionalExpression,
}
