using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Support;

/// <summary>The test-only custom resource from tests/Testing/Crds.</summary>
public sealed class Widget : IKubernetesResource<Widget>
{
    public static ResourceDescriptor Resource { get; } = new("test.tollgate.dev", "v1", "Widget", "widgets", Namespaced: true);

    public string? ApiVersion { get; set; } = "test.tollgate.dev/v1";

    public string? Kind { get; set; } = "Widget";

    public V1ObjectMeta Metadata { get; set; } = new();

    public WidgetSpec Spec { get; set; } = new();

    public WidgetStatus? Status { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }

    public static Widget Named(string name, string @namespace, int size = 1) =>
        new() { Metadata = new V1ObjectMeta { Name = name, Namespace = @namespace }, Spec = new WidgetSpec { Size = size } };
}
