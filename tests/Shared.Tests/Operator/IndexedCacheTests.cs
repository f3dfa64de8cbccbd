using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

public sealed class IndexedCacheTests
{
    /// <summary>Objects as "name:resourceVersion" lists; changes as "Added c", "Updated b", "Deleted a".</summary>
    public static TheoryData<string, string, string[]> Relists => new()
    {
        { "", "a:1,b:1", ["Added a", "Added b"] },
        { "a:1,b:1", "a:1,b:1", [] },
        { "a:1,b:1", "a:1,b:2", ["Updated b"] },
        { "a:1,b:1", "b:1,c:1", ["Added c", "Deleted a"] },
        { "a:1,b:1", "", ["Deleted a", "Deleted b"] },
        { "a:1,b:1,c:1", "b:5,d:1", ["Updated b", "Added d", "Deleted a", "Deleted c"] },
    };

    [Theory]
    [MemberData(nameof(Relists))]
    public void Replace_FreshList_ReturnsAddsUpdatesAndDeletesAgainstCache(string before, string listed, string[] expected)
    {
        var cache = new IndexedCache<Widget>();
        cache.Replace(Parse(before));

        var changes = cache.Replace(Parse(listed));

        Assert.Equal(expected, changes.Select(c => $"{c.Type} {(c.New ?? c.Old)!.Metadata.Name}"));
        Assert.Equal(Parse(listed).Select(w => w.Metadata.Name).Order(), cache.List().Select(w => w.Metadata.Name).Order());
    }

    [Fact]
    public void Replace_DeletedObject_CarriesLastKnownState()
    {
        var cache = new IndexedCache<Widget>();
        cache.Replace(Parse("a:7"));

        var deleted = Assert.Single(cache.Replace([]));

        Assert.Equal(CacheChangeType.Deleted, deleted.Type);
        Assert.Equal("7", deleted.Old!.Metadata.ResourceVersion);
    }

    [Fact]
    public void Indexes_NamespaceAndOwner_FollowUpsertAndRemove()
    {
        var cache = new IndexedCache<Widget>();
        cache.Upsert(Owned("a", "ns1", "uid-web"));
        cache.Upsert(Owned("b", "ns1", "uid-web", "uid-extra"));
        cache.Upsert(Owned("c", "ns2", "uid-web"));
        cache.Upsert(Owned("d", "ns2", "uid-db"));
        cache.Upsert(Owned("e", "ns2", ""));

        Assert.Equal("a", cache.Get("ns1", "a")!.Metadata.Name);
        Assert.Null(cache.Get("ns2", "a"));
        Assert.Equal(["a", "b"], Names(cache.List("ns1")));
        Assert.Equal(["a", "b", "c"], Names(cache.ListByOwner("uid-web")));
        Assert.Equal(["b"], Names(cache.ListByOwner("uid-extra")));
        Assert.Empty(cache.ListByOwner("uid-none"));
        Assert.Empty(cache.ListByOwner(""));

        var update = cache.Upsert(Owned("b", "ns1", "uid-db"));
        cache.Remove(Owned("c", "ns2"));

        Assert.Equal(CacheChangeType.Updated, update.Type);
        Assert.Equal(["a"], Names(cache.ListByOwner("uid-web")));
        Assert.Equal(["b", "d"], Names(cache.ListByOwner("uid-db")));
        Assert.Empty(cache.ListByOwner("uid-extra"));
        Assert.Equal(["d", "e"], Names(cache.List("ns2")));
        Assert.Equal(4, cache.Count);
    }

    [Fact]
    public void ListByOwner_RelistDropsDeletedObjects_FromTheIndex()
    {
        var cache = new IndexedCache<Widget>();
        cache.Replace([Owned("a", "ns", "uid-web"), Owned("b", "ns", "uid-web")]);

        cache.Replace([Owned("b", "ns", "uid-web")]);

        Assert.Equal(["b"], Names(cache.ListByOwner("uid-web")));
    }

    [Fact]
    public void Remove_UnknownObject_ReturnsNull()
    {
        var cache = new IndexedCache<Widget>();

        Assert.Null(cache.Remove(Widget.Named("ghost", "ns")));
    }

    [Fact]
    public void Get_ClusterScopedObject_FoundWithNullOrEmptyNamespace()
    {
        var cache = new IndexedCache<V1Namespace>();
        cache.Upsert(new V1Namespace { Metadata = new V1ObjectMeta { Name = "prod" } });

        Assert.NotNull(cache.Get(null, "prod"));
        Assert.NotNull(cache.Get("", "prod"));
    }

    private static List<Widget> Parse(string objects) =>
        [.. objects.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o =>
        {
            var parts = o.Split(':');
            var widget = Widget.Named(parts[0], "ns");
            widget.Metadata.ResourceVersion = parts[1];
            return widget;
        })];

    private static Widget Owned(string name, string @namespace, params string[] ownerUids)
    {
        var widget = Widget.Named(name, @namespace);
        widget.Metadata.OwnerReferences = [.. ownerUids.Select(uid => new V1OwnerReference { ApiVersion = "test.tollgate.dev/v1", Kind = "Widget", Name = "owner", Uid = uid })];
        return widget;
    }

    private static string[] Names(IEnumerable<Widget> widgets) => [.. widgets.Select(w => w.Metadata.Name!).Order()];
}
