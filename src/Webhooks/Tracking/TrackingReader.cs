using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Tracking;

/// <summary>Pure: decides from an object's metadata whether, and by which Application, Argo CD manages it.</summary>
public static class TrackingReader
{
    /// <summary>
    /// The annotation counts only when it parses and names this very object; the label counts when set. With both
    /// methods enabled, a valid annotation wins over the label.
    /// </summary>
    public static TrackingClaim? Read(TollgateSettings settings, TrackedMetadata metadata, ObjectCoordinates target)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(target);
        if (settings.TracksByAnnotation && TrackingId.Parse(metadata.TrackingAnnotation) is { } id
            && id.Names(target.Group, target.Kind, target.Namespace, target.Name))
        {
            return new TrackingClaim(id.Application, TrackingSource.Annotation, metadata.TrackingAnnotation!);
        }

        if (settings.TracksByLabel && ApplicationName.Parse(metadata.TrackingLabel) is { } application)
        {
            return new TrackingClaim(application, TrackingSource.Label, metadata.TrackingLabel!);
        }

        return null;
    }
}
