using System.Runtime.CompilerServices;
using Tollgate.Shared.Kube.Requests;

namespace Tollgate.Shared.Kube.Watch;

/// <summary>
/// List, then watch from the list's resourceVersion, forever: resumes from the last seen resourceVersion (bookmarks
/// included) when the server ends a stream, re-lists on 410 Gone, and reconnects with capped exponential backoff on
/// errors. This is the reflector half of an informer.
/// </summary>
public sealed class ListWatch<T>(ResourceClient<T> client, TimeProvider? time = null)
    where T : class
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the server keeps one watch open before we resume it (client-go picks 5-10 minutes).</summary>
    public int WatchTimeoutSeconds { get; init; } = 300;

    /// <summary>Called for every failure that leads to a retry, for logging.</summary>
    public Action<Exception, TimeSpan>? OnRetry { get; init; }

    /// <summary>Called when a watch must re-list because its resourceVersion expired.</summary>
    public Action? OnRelist { get; init; }

    /// <param name="namespace">One namespace, or null for all.</param>
    /// <param name="selector">Label and field selectors.</param>
    /// <param name="resumeFrom">
    /// A resourceVersion already seen (for example before a restart): watch from it without listing first; if the server
    /// no longer has it, re-list.
    /// </param>
    /// <param name="cancellationToken">Stops the stream.</param>
    public async IAsyncEnumerable<ListWatchEvent<T>> RunAsync(
        string? @namespace,
        ListOptions? selector = null,
        string? resumeFrom = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = selector ?? new ListOptions();
        var resourceVersion = resumeFrom;
        string? lastSeen = resumeFrom;
        var listExpired = false;
        var backoff = InitialBackoff;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (resourceVersion is null)
            {
                var (listFrom, limit) = ListStart.For(lastSeen, listExpired);
                (IReadOnlyList<T> Items, string ResourceVersion)? listed;
                try
                {
                    listed = await ListEverythingAsync(@namespace, filter with { ResourceVersion = listFrom, Limit = limit }, cancellationToken);
                }
                catch (KubernetesException e) when (e.IsGone && !listExpired)
                {
                    // The version asked for is compacted away: list again at once, a consistent read this time.
                    OnRelist?.Invoke();
                    listExpired = true;
                    continue;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                {
                    OnRetry?.Invoke(e, backoff);
                    listed = null;
                }

                if (listed is null)
                {
                    backoff = await DelayAsync(backoff, cancellationToken);
                    continue;
                }

                listExpired = false;
                resourceVersion = lastSeen = listed.Value.ResourceVersion;
                backoff = InitialBackoff;
                yield return new ListWatchEvent<T>(ListWatchEventType.Listed, null, listed.Value.Items, resourceVersion);
            }

            var watchOptions = filter with
            {
                ResourceVersion = resourceVersion,
                AllowWatchBookmarks = true,
                TimeoutSeconds = WatchTimeoutSeconds,
                Limit = null,
                Continue = null,
            };
            await using var events = client.WatchAsync(@namespace, watchOptions, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                WatchEvent<T> next;
                try
                {
                    if (!await events.MoveNextAsync())
                    {
                        break;
                    }

                    next = events.Current;
                }
                catch (KubernetesException e) when (e.IsGone)
                {
                    OnRelist?.Invoke();
                    resourceVersion = null;
                    break;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                {
                    OnRetry?.Invoke(e, backoff);
                    backoff = await DelayAsync(backoff, cancellationToken);
                    break;
                }

                backoff = InitialBackoff;
                resourceVersion = lastSeen = next.ResourceVersion ?? resourceVersion;
                var type = next.Type switch
                {
                    WatchEventType.Added => ListWatchEventType.Added,
                    WatchEventType.Modified => ListWatchEventType.Modified,
                    WatchEventType.Deleted => ListWatchEventType.Deleted,
                    _ => (ListWatchEventType?)null,
                };
                if (type is { } changed)
                {
                    yield return new ListWatchEvent<T>(changed, next.Object, null, resourceVersion!);
                }
            }
        }
    }

    private async Task<(IReadOnlyList<T> Items, string ResourceVersion)> ListEverythingAsync(
        string? @namespace, ListOptions request, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var page = request with { Continue = null };
        while (true)
        {
            Models.KubernetesList<T> list;
            try
            {
                list = await client.ListAsync(@namespace, page, cancellationToken);
            }
            catch (KubernetesException e) when (e.IsGone && page.Continue is not null)
            {
                // The continue token outlived the server's compaction (client-go's FullListIfExpired): one unpaged list.
                list = await client.ListAsync(@namespace, request with { Limit = null, Continue = null }, cancellationToken);
                return ([.. list.Items], list.Metadata.ResourceVersion ?? "");
            }

            items.AddRange(list.Items);
            if (string.IsNullOrEmpty(list.Metadata.Continue))
            {
                return (items, list.Metadata.ResourceVersion ?? "");
            }

            page = page with { Continue = list.Metadata.Continue };
        }
    }

    private async Task<TimeSpan> DelayAsync(TimeSpan backoff, CancellationToken cancellationToken)
    {
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backoff.TotalMilliseconds * 0.2);
        await Task.Delay(backoff + jitter, clock, cancellationToken);
        return TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
    }
}
