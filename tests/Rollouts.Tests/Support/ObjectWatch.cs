using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;
using Tollgate.Testing.ControlPlane;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// Watches one object and records every change of a value read from it, with the resourceVersion of the write: a
/// watch delivers every write in order, so no intermediate value is missed the way polling could miss it.
/// </summary>
public sealed class ObjectWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<(int Value, long ResourceVersion)> changes = [];
    private readonly Task loop;

    private ObjectWatch(Func<CancellationToken, IAsyncEnumerable<(JsonObject Object, string? ResourceVersion)>> events, string name, Func<JsonObject, int?> read)
    {
        loop = Task.Run(async () =>
        {
            await foreach (var (item, version) in events(stop.Token))
            {
                if (item["metadata"]?["name"]?.GetValue<string>() != name || read(item) is not { } value)
                {
                    continue;
                }

                lock (changes)
                {
                    if (changes.Count == 0 || changes[^1].Value != value)
                    {
                        // etcd revisions: numeric and increasing for the control plane's writes (the tests compare them).
                        changes.Add((value, long.Parse(version ?? item["metadata"]!["resourceVersion"]!.GetValue<string>(), CultureInfo.InvariantCulture)));
                    }
                }
            }
        });
    }

    /// <summary>Watches a kind reached through the dynamic client.</summary>
    public static ObjectWatch Start(IKubernetesClient client, ResourceDescriptor resource, string @namespace, string name, Func<JsonObject, int?> read) =>
        new(token => Events(client.Resource(resource).WatchAsync(@namespace, null, token)), name, read);

    /// <summary>The values seen, once at least <paramref name="count"/> changes have been.</summary>
    public async Task<IReadOnlyList<int>> DistinctAsync(int count) => [.. (await ChangesAsync(count)).Select(c => c.Value)];

    public async Task<IReadOnlyList<(int Value, long ResourceVersion)>> ChangesAsync(int count)
    {
        try
        {
            await TestControlPlane.WaitUntilAsync($"{count} changes", _ => Task.FromResult(Snapshot().Count >= count), TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"expected {count} changes, saw {string.Join(", ", Snapshot().Select(c => c.Value))}");
        }

        return Snapshot();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
        }

        stop.Dispose();
    }

    private List<(int Value, long ResourceVersion)> Snapshot()
    {
        lock (changes)
        {
            return [.. changes];
        }
    }

    private static async IAsyncEnumerable<(JsonObject, string?)> Events(IAsyncEnumerable<WatchEvent<JsonObject>> events)
    {
        await foreach (var change in events)
        {
            yield return (change.Object, change.ResourceVersion);
        }
    }
}
