using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Operator.Events;

/// <summary>Writes core/v1 Events about objects; a repeat of the same event raises its count instead of adding one.</summary>
public interface IEventRecorder
{
    /// <param name="involvedObject">The object the event is about (it needs kind, apiVersion, name and, when namespaced, namespace).</param>
    /// <param name="type">Normal or Warning.</param>
    /// <param name="reason">A short UpperCamelCase cause, for example <c>ScalingReplicaSet</c>.</param>
    /// <param name="message">What happened, for humans.</param>
    /// <param name="cancellationToken">Cancels the API call.</param>
    Task RecordAsync(IKubernetesObject<V1ObjectMeta> involvedObject, EventType type, string reason, string message, CancellationToken cancellationToken);
}
