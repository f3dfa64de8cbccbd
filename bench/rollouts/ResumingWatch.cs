using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Kube.Watch;

namespace Tollgate.Bench.Rollouts;

/// <summary>
/// A watch that outlives the server ending it (or a busy machine timing it out): it resumes from the last
/// resourceVersion seen; after 410 Gone it lists again and hands every listed object over as modified.
/// </summary>
public static class ResumingWatch
{
    public static async Task RunAsync<T>(KubernetesClient client, string ns, string? resourceVersion, Action<WatchEventType, T> onEvent, CancellationToken cancellationToken)
        where T : class, IKubernetesResource<T>
    {
        var from = resourceVersion;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    await foreach (var change in client.WatchAsync<T>(ns, new ListOptions { ResourceVersion = from }, cancellationToken))
                    {
                        from = change.Object.Metadata.ResourceVersion ?? from;
                        onEvent(change.Type, change.Object);
                    }
                }
                catch (KubernetesException e) when (e.IsGone)
                {
                    var list = await client.ListAsync<T>(ns, cancellationToken: cancellationToken);
                    from = list.Metadata?.ResourceVersion;
                    foreach (var item in list.Items)
                    {
                        onEvent(WatchEventType.Modified, item);
                    }
                }
                catch (Exception e) when (e is KubernetesException or HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
