using System.Text.Json;
using Tollgate.Shared.Kube.Models;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tracking;

/// <summary>Reads the tracking and break-glass values straight from raw JSON or cached metadata, without copying the rest.</summary>
public static class TrackedMetadataReader
{
    public static TrackedMetadata FromJson(JsonElement? @object, TollgateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (@object is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            return TrackedMetadata.Empty;
        }

        string? annotation = null, breakGlass = null, label = null;
        if (metadata.TryGetProperty("annotations", out var annotations) && annotations.ValueKind == JsonValueKind.Object)
        {
            annotation = StringProperty(annotations, TollgateSettings.TrackingAnnotation);
            breakGlass = StringProperty(annotations, TollgateSettings.BreakGlassAnnotation);
        }

        if (metadata.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Object)
        {
            label = StringProperty(labels, settings.TrackingLabel);
        }

        return annotation is null && label is null && breakGlass is null ? TrackedMetadata.Empty : new TrackedMetadata(annotation, label, breakGlass);
    }

    public static TrackedMetadata FromMetadata(V1ObjectMeta? metadata, TollgateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (metadata is null)
        {
            return TrackedMetadata.Empty;
        }

        string? annotation = null, breakGlass = null, label = null;
        metadata.Annotations?.TryGetValue(TollgateSettings.TrackingAnnotation, out annotation);
        metadata.Annotations?.TryGetValue(TollgateSettings.BreakGlassAnnotation, out breakGlass);
        metadata.Labels?.TryGetValue(settings.TrackingLabel, out label);
        return new TrackedMetadata(annotation, label, breakGlass);
    }

    private static string? StringProperty(JsonElement map, string key) =>
        map.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
