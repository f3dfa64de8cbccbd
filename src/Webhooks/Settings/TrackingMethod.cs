namespace Tollgate.Webhooks.Settings;

/// <summary>How Argo CD marks the objects it manages (its <c>application.resourceTrackingMethod</c>).</summary>
public enum TrackingMethod
{
    Annotation,
    Label,

    /// <summary>Either the annotation or the label marks an object as managed.</summary>
    AnnotationAndLabel,
}
