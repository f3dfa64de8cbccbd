using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Decisions;

namespace Tollgate.Webhooks.Handlers;

internal static class CacheGate
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    /// <summary>The answer while the caches are not synced: a retryable refusal, never a decision from empty caches.</summary>
    public static AdmissionDecision NotReady { get; } =
        AdmissionDecision.Deny(DecisionReasons.NotReady, "Tollgate's caches are not synced yet; retry in a moment", 503);

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
