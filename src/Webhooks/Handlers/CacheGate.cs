using Tollgate.Webhooks.Caches;

namespace Tollgate.Webhooks.Handlers;

internal static class CacheGate
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>True once the caches hold their first lists; waits briefly, because deciding from empty caches would fail open.</summary>
    public static async Task<bool> EnsureSyncedAsync(AdmissionCaches caches, CancellationToken cancellationToken)
    {
        if (caches.HasSynced)
        {
            return true;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(MaxWait);
        try
        {
            await caches.WaitForSyncAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
