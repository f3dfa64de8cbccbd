namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>expr's sort order: numbers by value, strings by bytes, times chronologically; mixed kinds are an error.</summary>
internal static class Sorting
{
    public static List<T> StableSort<T>(List<T> items, Func<T, object?> key, bool descending)
    {
        var indexed = items.Select((item, index) => (item, index)).ToList();
        indexed.Sort((a, b) =>
        {
            var order = CompareKeys(key(a.item), key(b.item));
            if (descending)
            {
                order = -order;
            }

            return order != 0 ? order : a.index.CompareTo(b.index);
        });
        return indexed.Select(pair => pair.item).ToList();
    }

    public static int CompareKeys(object? a, object? b)
    {
        if (Values.Equal(a, b))
        {
            return 0;
        }

        return Values.Compare("<", a, b) ? -1 : Values.Compare(">", a, b) ? 1 : 0;
    }
}
