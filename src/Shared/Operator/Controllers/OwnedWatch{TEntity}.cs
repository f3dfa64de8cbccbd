using Tollgate.Shared.Operator.Queue;

namespace Tollgate.Shared.Operator.Controllers;

/// <summary>
/// One kind the <typeparamref name="TEntity"/> controller owns: <see cref="Subscribe"/> connects that kind's informer to
/// the controller's queue and returns what disconnects it.
/// </summary>
internal sealed record OwnedWatch<TEntity>(Type OwnedKind, Func<IServiceProvider, Action<EntityKey>, IDisposable> Subscribe)
    where TEntity : class;
