namespace Tollgate.Shared.Expressions.Checking;

internal enum NatureKind
{
    Unknown,
    Nil,
    Bool,
    Int,
    Float,
    String,
    Bytes,
    Array,
    Map,
    Time,
    Duration,
    Location,
    Function,
}
