using System.Collections.Concurrent;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Informers;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>Records informer callbacks as "add a", "update a 3->4" (resourceVersions), "delete a".</summary>
public sealed class RecordingHandler<T> : IInformerEventHandler<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ConcurrentQueue<string> seen = new();

    public IReadOnlyList<string> Seen => [.. seen];

    public void OnAdd(T entity) => seen.Enqueue($"add {entity.Metadata.Name}");

    public void OnUpdate(T oldEntity, T newEntity) =>
        seen.Enqueue($"update {newEntity.Metadata.Name} {oldEntity.Metadata.ResourceVersion}->{newEntity.Metadata.ResourceVersion}");

    public void OnDelete(T entity) => seen.Enqueue($"delete {entity.Metadata.Name}");
}
