using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>A registered controller as the host sees it: its informer, and workers that run while it may act.</summary>
internal interface IRunnableController
{
    string Name { get; }

    ISharedInformer Informer { get; }

    /// <summary>How many workers <see cref="RunAsync"/> runs.</summary>
    int Workers { get; }

    /// <summary>Queues every cached object, then runs <see cref="Workers"/> workers until cancelled.</summary>
    Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Stops the queue for good (host shutdown).</summary>
    void ShutDown();
}
