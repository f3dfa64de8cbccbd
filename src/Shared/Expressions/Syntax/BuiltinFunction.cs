namespace Tollgate.Shared.Expressions.Syntax;

internal enum BuiltinFunction
{
    Len,
    IsNaN,
    IsInf,
    IsNil,
    Default,
    AsInt,
    AsFloat,
    All,
    Any,
}
