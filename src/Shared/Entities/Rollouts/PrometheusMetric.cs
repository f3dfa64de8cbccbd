using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("A PromQL query; the result is the vector (or, for a range query, every sample) as a list of floats, or a scalar.")]
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

    [Description("How the query authenticates: oauth2 or basicAuth (sigv4 is refused).")]
    public MetricAuthentication? Authentication { get; set; }

    [Description("Run a range query from start to end instead of an instant query.")]
    public PrometheusRangeQuery? RangeQuery { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
