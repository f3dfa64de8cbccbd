using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tollgate.Shared.Entities.Rollouts.TrafficRouting;

[Description("NGINX Ingress routing: Tollgate creates and owns <rollout>-<stableIngress>-canary next to each stable Ingress.")]
public sealed class NginxTrafficRouting
{
    [Description("Prefix of the canary annotations; nginx.ingress.kubernetes.io unless set.")]
    public string? AnnotationPrefix { get; set; }

    [Description("The Ingress whose rules send traffic to the stable Service.")]
    public string? StableIngress { get; set; }

    [Description("Several stable Ingresses, each with its own canary Ingress.")]
    public IList<string>? StableIngresses { get; set; }

    [Description("Annotations for the canary Ingress, prefixed with annotationPrefix when they lack it.")]
    public IDictionary<string, string>? AdditionalIngressAnnotations { get; set; }

    [Description("Annotations for the canary Ingress, as written.")]
    public IDictionary<string, string>? CanaryIngressAnnotations { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
