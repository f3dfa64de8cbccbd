namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Go's map[any]any key equality: same type and same value (1 and 1.0 are different keys).</summary>
internal sealed class MapKeyComparer : IEqualityComparer<object>
{
    public static readonly MapKeyComparer Instance = new();

    public new bool Equals(object? x, object? y) => x is null ? y is null : x.GetType() == y?.GetType() && x.Equals(y);

    public int GetHashCode(object obj) => obj.GetHashCode();
}
