namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>An expr map (Go map[string]any for JSON objects and literals); keeps insertion order.</summary>
internal sealed class ExprMap : Dictionary<object, object?>
{
    public ExprMap()
        : base(MapKeyComparer.Instance)
    {
    }

    public ExprMap(int capacity)
        : base(capacity, MapKeyComparer.Instance)
    {
    }
}
