using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("An instant PromQL query; the result is the vector of sample values.")]
public sealed class PrometheusMetric
{
    [Description("Base URL of the Prometheus server, such as http://prometheus.monitoring:9090.")]
    public string? Address { get; set; }

    [Description("The PromQL query; {{args.name}} placeholders are replaced by the run's arguments.")]
    public string? Query { get; set; }

    [Description("Query timeout in seconds.")]
    public long? Timeout { get; set; }

    [Description("Skip verification of the server's TLS certificate.")]
    public bool? Insecure { get; set; }

    [Description("HTTP headers sent with the query.")]
    public IList<WebMetricHeader>? Headers { get; set; }

    [SchemaType("object")]
    public JsonElement? Authentication { get; set; }

    [SchemaType("object")]
    public JsonElement? RangeQuery { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
