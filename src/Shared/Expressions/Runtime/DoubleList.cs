using System.Collections;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>A <c>double[]</c> (Prometheus vector, Go's []float64) seen as an expr array without copying it.</summary>
internal sealed class DoubleList(double[] values) : IReadOnlyList<object?>
{
    public double[] Values { get; } = values;

    public int Count => Values.Length;

    public object? this[int index] => Values[index];

    public IEnumerator<object?> GetEnumerator()
    {
        foreach (var value in Values)
        {
            yield return value;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
