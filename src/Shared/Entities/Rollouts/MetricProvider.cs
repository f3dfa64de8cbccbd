using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

/// <summary>Where a metric comes from. Prometheus and web are modelled; the other Argo providers are kept as written and refused at admission.</summary>
[Description("Where the metric is measured; exactly one provider is set.")]
public sealed class MetricProvider
{
    public PrometheusMetric? Prometheus { get; set; }

    public WebMetric? Web { get; set; }

    [SchemaType("object")]
    public JsonElement? Job { get; set; }

    [SchemaType("object")]
    public JsonElement? Kayenta { get; set; }

    [SchemaType("object")]
    public JsonElement? Datadog { get; set; }

    [SchemaType("object")]
    public JsonElement? Wavefront { get; set; }

    [SchemaType("object")]
    public JsonElement? NewRelic { get; set; }

    [SchemaType("object")]
    public JsonElement? CloudWatch { get; set; }

    [SchemaType("object")]
    public JsonElement? Graphite { get; set; }

    [SchemaType("object")]
    public JsonElement? Influxdb { get; set; }

    [JsonPropertyName("skywalking")]
    [SchemaType("object")]
    public JsonElement? SkyWalking { get; set; }

    [SchemaType("object")]
    public JsonElement? Plugin { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
