using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Kube.Models;

/// <summary>A core/v1 Event (the events.k8s.io/v1 kind is a different model).</summary>
public sealed class Corev1Event : IKubernetesResource<Corev1Event>
{
    public static ResourceDescriptor Resource { get; } = new("", "v1", "Event", "events", Namespaced: true);

    public string? ApiVersion { get; set; } = "v1";

    public string? Kind { get; set; } = "Event";

    public V1ObjectMeta Metadata { get; set; } = new();

    public V1ObjectReference InvolvedObject { get; set; } = new();

    public string? Reason { get; set; }

    public string? Message { get; set; }

    public string? Type { get; set; }

    public int? Count { get; set; }

    public DateTimeOffset? FirstTimestamp { get; set; }

    public DateTimeOffset? LastTimestamp { get; set; }

    [JsonConverter(typeof(MicroTimeConverter))]
    public DateTimeOffset? EventTime { get; set; }

    public V1EventSource? Source { get; set; }

    public string? ReportingComponent { get; set; }

    public string? ReportingInstance { get; set; }

    public string? Action { get; set; }

    public V1ObjectReference? Related { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
