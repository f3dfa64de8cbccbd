using System.Globalization;
using System.Text;
using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Sync;

/// <summary>
/// status.currentStepHash as Argo Rollouts computes it: FNV-1a (32 bit) over Go's encoding/json of the canary steps (its
/// struct field order, omitempty, HTML-safe string escaping, unknown fields dropped by Go's decoder), written in the safe
/// alphabet. A Rollout taken over from Argo then keeps its step index, and Argo taking it back sees the same hash.
/// </summary>
public static class ArgoStepHash
{
    /// <returns>The hash, or null for steps Tollgate cannot encode as Go would (experiment, header and mirror routes, plugins: their types are opaque here).</returns>
    public static string? Compute(IList<CanaryStep>? steps)
    {
        var json = new StringBuilder();
        if (steps is null)
        {
            json.Append("null");
        }
        else
        {
            json.Append('[');
            for (var index = 0; index < steps.Count; index++)
            {
                if (index > 0)
                {
                    json.Append(',');
                }

                if (!TryWriteStep(steps[index], json))
                {
                    return null;
                }
            }

            json.Append(']');
        }

        return PodTemplateHash.Encode(PodTemplateHash.Fnv1a(Encoding.UTF8.GetBytes(json.ToString())));
    }

    private static bool TryWriteStep(CanaryStep? step, StringBuilder json)
    {
        if (step is null)
        {
            json.Append("null");
            return true;
        }

        if (IsSet(step.Experiment) || step.SetHeaderRoute is not null || step.SetMirrorRoute is not null || IsSet(step.Plugin))
        {
            return false;
        }

        var fields = new GoObject(json);
        if (step.SetWeight is { } weight)
        {
            fields.Name("setWeight").Append(weight.ToString(CultureInfo.InvariantCulture));
        }

        if (step.Pause is { } pause)
        {
            var pauseFields = new GoObject(fields.Name("pause"));
            if (pause.Duration is { } duration)
            {
                var target = pauseFields.Name("duration");
                if (duration.IsString)
                {
                    GoString(duration.StringValue!, target);
                }
                else
                {
                    target.Append(duration.IntValue.ToString(CultureInfo.InvariantCulture));
                }
            }

            pauseFields.End();
        }

        if (step.Analysis is { } analysis)
        {
            WriteAnalysis(analysis, fields.Name("analysis"));
        }

        if (step.SetCanaryScale is { } scale)
        {
            var scaleFields = new GoObject(fields.Name("setCanaryScale"));
            if (scale.Weight is { } scaleWeight)
            {
                scaleFields.Name("weight").Append(scaleWeight.ToString(CultureInfo.InvariantCulture));
            }

            if (scale.Replicas is { } replicas)
            {
                scaleFields.Name("replicas").Append(replicas.ToString(CultureInfo.InvariantCulture));
            }

            if (scale.MatchTrafficWeight == true)
            {
                scaleFields.Name("matchTrafficWeight").Append("true");
            }

            scaleFields.End();
        }

        fields.End();
        return true;
    }

    private static void WriteAnalysis(RolloutAnalysis analysis, StringBuilder json)
    {
        var fields = new GoObject(json);
        if (analysis.Templates is { Count: > 0 } templates)
        {
            Array(fields.Name("templates"), templates, (template, target) =>
            {
                var inner = new GoObject(target);
                GoString(template.TemplateName ?? "", inner.Name("templateName"));
                if (template.ClusterScope is { } clusterScope)
                {
                    inner.Name("clusterScope").Append(clusterScope ? "true" : "false");
                }

                inner.End();
            });
        }

        if (analysis.Args is { Count: > 0 } args)
        {
            Array(fields.Name("args"), args, (argument, target) =>
            {
                var inner = new GoObject(target);
                GoString(argument.Name, inner.Name("name"));
                if (!string.IsNullOrEmpty(argument.Value))
                {
                    GoString(argument.Value, inner.Name("value"));
                }

                if (argument.ValueFrom is { } from)
                {
                    var fromFields = new GoObject(inner.Name("valueFrom"));
                    if (from.PodTemplateHashValue is { } hashValue)
                    {
                        GoString(hashValue, fromFields.Name("podTemplateHashValue"));
                    }

                    if (from.FieldRef is { } fieldRef)
                    {
                        var refFields = new GoObject(fromFields.Name("fieldRef"));
                        GoString(fieldRef.FieldPath, refFields.Name("fieldPath"));
                        refFields.End();
                    }

                    fromFields.End();
                }

                inner.End();
            });
        }

        if (analysis.DryRun is { Count: > 0 } dryRun)
        {
            Array(fields.Name("dryRun"), dryRun, (entry, target) =>
            {
                var inner = new GoObject(target);
                GoString(entry.MetricName, inner.Name("metricName"));
                inner.End();
            });
        }

        if (analysis.MeasurementRetention is { Count: > 0 } retention)
        {
            Array(fields.Name("measurementRetention"), retention, (entry, target) =>
            {
                var inner = new GoObject(target);
                GoString(entry.MetricName, inner.Name("metricName"));
                inner.Name("limit").Append(entry.Limit.ToString(CultureInfo.InvariantCulture));
                inner.End();
            });
        }

        if (analysis.AnalysisRunMetadata is { ValueKind: JsonValueKind.Object } metadata)
        {
            var metadataFields = new GoObject(fields.Name("analysisRunMetadata"));
            foreach (var part in new[] { "labels", "annotations" })
            {
                if (metadata.TryGetProperty(part, out var map) && map.ValueKind == JsonValueKind.Object && map.EnumerateObject().Any())
                {
                    // Go writes a map's keys sorted by their bytes.
                    var mapFields = new GoObject(metadataFields.Name(part));
                    foreach (var pair in map.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                    {
                        GoString(pair.Value.ValueKind == JsonValueKind.String ? pair.Value.GetString()! : pair.Value.GetRawText(), mapFields.Name(pair.Name));
                    }

                    mapFields.End();
                }
            }

            metadataFields.End();
        }

        fields.End();
    }

    private static void Array<T>(StringBuilder json, IList<T> items, Action<T, StringBuilder> write)
    {
        json.Append('[');
        for (var index = 0; index < items.Count; index++)
        {
            if (index > 0)
            {
                json.Append(',');
            }

            write(items[index], json);
        }

        json.Append(']');
    }

    /// <summary>Go's encoding/json string: HTML-safe (&lt; &gt; &amp; escaped), U+2028/U+2029 escaped, other non-ASCII as UTF-8.</summary>
    internal static void GoString(string value, StringBuilder json)
    {
        const string hex = "0123456789abcdef";
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    json.Append("\\\"");
                    break;
                case '\\':
                    json.Append("\\\\");
                    break;
                case '\n':
                    json.Append("\\n");
                    break;
                case '\r':
                    json.Append("\\r");
                    break;
                case '\t':
                    json.Append("\\t");
                    break;
                case '\b':
                    json.Append("\\b");
                    break;
                case '\f':
                    json.Append("\\f");
                    break;
                case < ' ' or '<' or '>' or '&' or '\u2028' or '\u2029':
                    json.Append("\\u").Append(hex[(c >> 12) & 0xF]).Append(hex[(c >> 8) & 0xF]).Append(hex[(c >> 4) & 0xF]).Append(hex[c & 0xF]);
                    break;
                default:
                    json.Append(c);
                    break;
            }
        }

        json.Append('"');
    }

    private static bool IsSet(JsonElement? element) => element is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) };

    /// <summary>Writes one JSON object's fields in the order they are named.</summary>
    private sealed class GoObject
    {
        private readonly StringBuilder json;
        private bool any;

        public GoObject(StringBuilder json)
        {
            this.json = json;
            json.Append('{');
        }

        public StringBuilder Name(string name)
        {
            if (any)
            {
                json.Append(',');
            }

            any = true;
            GoString(name, json);
            return json.Append(':');
        }

        public void End() => json.Append('}');
    }
}
