namespace Tollgate.Webhooks.Tracking;

public enum TrackingSource
{
    Annotation,
    Label,
}
