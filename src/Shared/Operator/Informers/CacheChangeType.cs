namespace Tollgate.Shared.Operator.Informers;

public enum CacheChangeType
{
    Added,
    Updated,
    Deleted,
}
