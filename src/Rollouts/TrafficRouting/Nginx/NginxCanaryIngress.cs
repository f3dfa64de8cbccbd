using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.Nginx;

/// <summary>
/// Pure: the canary Ingress Argo keeps next to a stable Ingress: the stable rules whose paths use the stable Service,
/// pointed at the canary Service, TLS and class copied, and the canary / canary-weight annotations.
/// </summary>
public static class NginxCanaryIngress
{
    public const string DefaultAnnotationPrefix = "nginx.ingress.kubernetes.io";

    private const string Suffix = "-canary";

    /// <summary>&lt;rollout&gt;-&lt;stable ingress&gt;-canary, cut to fit 253 characters as Argo cuts it.</summary>
    public static string Name(string rolloutName, string stableIngressName)
    {
        var prefix = $"{rolloutName}-{stableIngressName}";
        return (prefix.Length > 253 - Suffix.Length ? prefix[..(253 - Suffix.Length)] : prefix) + Suffix;
    }

    /// <summary>The canary Ingress's desired metadata.annotations and spec (no name, namespace or owner).</summary>
    /// <exception cref="TrafficRoutingException">No path of the stable Ingress uses the stable Service.</exception>
    public static (JsonObject Annotations, JsonObject Spec) Desired(
        JsonObject stableIngress, string stableIngressName, NginxTrafficRouting nginx, string stableService, string canaryService, int weight)
    {
        ArgumentNullException.ThrowIfNull(stableIngress);
        ArgumentNullException.ThrowIfNull(nginx);
        var stableSpec = stableIngress["spec"] as JsonObject;
        var spec = new JsonObject();
        var rules = new JsonArray();
        foreach (var rule in (stableSpec?["rules"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)rule.DeepClone();
            var usesStable = false;
            foreach (var path in (copy["http"]?["paths"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (path["backend"]?["service"] is JsonObject service && service["name"]?.GetValue<string>() == stableService)
                {
                    service["name"] = canaryService;
                    usesStable = true;
                }
            }

            if (usesStable)
            {
                rules.Add(copy);
            }
        }

        if (rules.Count == 0)
        {
            throw new TrafficRoutingException($"ingress `{stableIngressName}` has no rules using service {stableService} backend");
        }

        spec["rules"] = rules;
        if (stableSpec?["tls"] is JsonArray tls)
        {
            spec["tls"] = tls.DeepClone();
        }

        if (stableSpec?["ingressClassName"] is JsonNode className)
        {
            spec["ingressClassName"] = className.DeepClone();
        }

        var prefix = nginx.AnnotationPrefix is { Length: > 0 } set ? set : DefaultAnnotationPrefix;
        var annotations = new JsonObject();
        if (stableIngress["metadata"]?["annotations"]?["kubernetes.io/ingress.class"] is JsonNode ingressClass)
        {
            annotations["kubernetes.io/ingress.class"] = ingressClass.DeepClone();
        }

        foreach (var (key, value) in nginx.AdditionalIngressAnnotations ?? new Dictionary<string, string>())
        {
            annotations[key.StartsWith(prefix, StringComparison.Ordinal) ? key : $"{prefix}/{key}"] = value;
        }

        foreach (var (key, value) in nginx.CanaryIngressAnnotations ?? new Dictionary<string, string>())
        {
            annotations[key] = value;
        }

        annotations[$"{prefix}/canary"] = "true";
        annotations[$"{prefix}/canary-weight"] = weight.ToString(CultureInfo.InvariantCulture);
        return (annotations, spec);
    }

    /// <summary>
    /// The merge patch that brings <paramref name="current"/> to the desired annotations and spec; null when it is
    /// there. Annotations others added stay (Argo merges them in); rules, TLS and class are the canary's own.
    /// </summary>
    public static JsonObject? Patch(JsonObject current, JsonObject desiredAnnotations, JsonObject desiredSpec)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desiredAnnotations);
        ArgumentNullException.ThrowIfNull(desiredSpec);
        var patch = new JsonObject();
        var currentAnnotations = current["metadata"]?["annotations"] as JsonObject;
        var annotations = new JsonObject();
        foreach (var (key, value) in desiredAnnotations)
        {
            if (!JsonNode.DeepEquals(currentAnnotations?[key], value))
            {
                annotations[key] = value?.DeepClone();
            }
        }

        if (annotations.Count > 0)
        {
            patch["metadata"] = new JsonObject { ["annotations"] = annotations };
        }

        var currentSpec = current["spec"] as JsonObject;
        var spec = new JsonObject();
        foreach (var field in new[] { "rules", "tls", "ingressClassName" })
        {
            var wanted = desiredSpec[field];
            if (!JsonNode.DeepEquals(currentSpec?[field], wanted))
            {
                spec[field] = wanted?.DeepClone();
            }
        }

        if (spec.Count > 0)
        {
            patch["spec"] = spec;
        }

        return patch.Count > 0 ? patch : null;
    }
}
