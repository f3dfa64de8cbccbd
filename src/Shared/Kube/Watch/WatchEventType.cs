namespace Tollgate.Shared.Kube.Watch;

public enum WatchEventType
{
    Added,
    Modified,
    Deleted,

    /// <summary>Carries only a newer resourceVersion to resume from; no object changed.</summary>
    Bookmark,
}
