namespace Tollgate.Shared.Operator.Informers;

/// <summary>What every informer reports, whatever it watches (for readiness and start-up).</summary>
public interface ISharedInformer
{
    /// <summary>The kind, namespace and selector watched, for logs and health reasons.</summary>
    string Description { get; }

    /// <summary>True once the first full list is in the cache; stays true across re-lists.</summary>
    bool HasSynced { get; }

    void Start();

    Task WaitForCacheSyncAsync(CancellationToken cancellationToken);

    /// <summary>Stops the list+watch; the cache keeps its content and a later <see cref="Start"/> re-lists.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);
}
