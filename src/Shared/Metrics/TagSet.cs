namespace Tollgate.Shared.Metrics;

/// <summary>
/// The tags of one series, compared without regard to order, so the same labels recorded in another order land in the
/// same series. Looked up from the measurement's span without allocating (see <see cref="TagSetComparer"/>).
/// </summary>
internal sealed class TagSet(KeyValuePair<string, object?>[] tags)
{
    public KeyValuePair<string, object?>[] Tags { get; } = tags;

    public int Hash { get; } = TagSetComparer.HashOf(tags);
}
