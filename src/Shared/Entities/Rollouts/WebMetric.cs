using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("An HTTP request whose JSON answer, or the part jsonPath selects, is the metric's result.")]
public sealed class WebMetric
{
    [Description("HTTP method; empty means GET.")]
    public string? Method { get; set; }

    [Required]
    [Description("Address of the web metric; {{args.name}} placeholders are replaced by the run's arguments.")]
    public string Url { get; set; } = "";

    [Description("HTTP headers sent with the request.")]
    public IList<WebMetricHeader>? Headers { get; set; }

    [Description("Request body as text (POST or PUT only).")]
    public string? Body { get; set; }

    [Description("Request timeout in seconds (default 10).")]
    public long? TimeoutSeconds { get; set; }

    [Description("Kubernetes JSONPath template selecting the result, such as \"{$.data.ok}\" (default \"{$}\").")]
    public string? JsonPath { get; set; }

    [Description("Skip verification of the server's TLS certificate.")]
    public bool? Insecure { get; set; }

    [Description("Request body as JSON (POST or PUT only); sent with Content-Type application/json.")]
    [SchemaType("object")]
    public JsonElement? JsonBody { get; set; }

    [Description("How the request authenticates.")]
    public MetricAuthentication? Authentication { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
