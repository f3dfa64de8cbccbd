namespace Tollgate.Rollouts.Analysis.Expressions;

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
