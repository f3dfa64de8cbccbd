using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

[Description("Makes the query a range query; the result is every sample of every series.")]
public sealed class PrometheusRangeQuery
{
    [Description("Start time as an expression such as now() - duration(\"5m\").")]
    public string? Start { get; set; }

    [Description("End time as an expression such as now().")]
    public string? End { get; set; }

    [Description("Resolution step, such as 30s or 1m.")]
    public string? Step { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
