namespace Tollgate.Shared.Metrics;

internal sealed class TagSetComparer : IEqualityComparer<TagSet>, IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, TagSet>
{
    public static readonly TagSetComparer Instance = new();

    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // A sum is order-independent, which is what makes {a,b} and {b,a} one series.
        var hash = tags.Length;
        foreach (var (key, value) in tags)
        {
            hash += HashCode.Combine(key, value);
        }

        return hash;
    }

    public bool Equals(TagSet? x, TagSet? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && Equals(x.Tags, y));

    public int GetHashCode(TagSet obj) => obj.Hash;

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, TagSet other)
    {
        if (alternate.Length != other.Tags.Length)
        {
            return false;
        }

        foreach (var (key, value) in alternate)
        {
            var found = false;
            foreach (var candidate in other.Tags)
            {
                if (string.Equals(candidate.Key, key, StringComparison.Ordinal) && Equals(candidate.Value, value))
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => HashOf(alternate);

    public TagSet Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => new(alternate.ToArray());
}
