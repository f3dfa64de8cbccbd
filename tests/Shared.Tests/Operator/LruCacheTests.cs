using Tollgate.Shared.Operator.Events;

namespace Tollgate.Shared.Tests.Operator;

public sealed class LruCacheTests
{
    public static TheoryData<int, string[], string[]> Cases => new()
    {
        // capacity, operations ("set k", "get k"), keys still present
        { 2, ["set a", "set b", "set c"], ["b", "c"] },
        { 2, ["set a", "set b", "get a", "set c"], ["a", "c"] },
        { 2, ["set a", "set b", "set a", "set c"], ["a", "c"] },
        { 3, ["set a", "set b", "set c", "get a", "get b", "set d"], ["a", "b", "d"] },
        { 1, ["set a", "set b"], ["b"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SetAndGet_OverCapacity_EvictsLeastRecentlyUsed(int capacity, string[] operations, string[] remaining)
    {
        var cache = new LruCache<string, int>(capacity);
        foreach (var operation in operations)
        {
            var (verb, key) = (operation[..3], operation[4..]);
            if (verb == "set")
            {
                cache.Set(key, 1);
            }
            else
            {
                cache.TryGet(key, out _);
            }
        }

        Assert.Equal(remaining, new[] { "a", "b", "c", "d" }.Where(k => cache.TryGet(k, out _)));
        Assert.Equal(remaining.Length, cache.Count);
    }

    [Fact]
    public void Remove_ThenGet_Misses()
    {
        var cache = new LruCache<string, int>(4);
        cache.Set("a", 7);

        cache.Remove("a");

        Assert.False(cache.TryGet("a", out _));
    }
}
