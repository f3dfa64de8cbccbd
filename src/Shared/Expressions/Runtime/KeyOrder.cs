namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>The order Go's fmt and encoding/json print map keys in: numbers by value, strings by bytes.</summary>
internal sealed class KeyOrder : IComparer<object>
{
    public static readonly KeyOrder Instance = new();

    public int Compare(object? x, object? y) => (x, y) switch
    {
        (long a, long b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (string a, string b) => string.CompareOrdinal(a, b),
        _ => string.CompareOrdinal(x?.GetType().Name, y?.GetType().Name),
    };
}
