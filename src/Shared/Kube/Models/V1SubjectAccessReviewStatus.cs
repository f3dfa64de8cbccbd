using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Kube.Models;

public sealed class V1SubjectAccessReviewStatus
{
    public bool Allowed { get; set; }

    public bool? Denied { get; set; }

    public string? Reason { get; set; }

    public string? EvaluationError { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
