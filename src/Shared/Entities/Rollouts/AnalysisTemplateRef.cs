using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts;

public sealed class AnalysisTemplateRef
{
    [Description("Name of the AnalysisTemplate (or ClusterAnalysisTemplate with clusterScope).")]
    public string? TemplateName { get; set; }

    [Description("The template is a ClusterAnalysisTemplate.")]
    public bool? ClusterScope { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
