namespace Tollgate.Shared.Kube.Watch;

public enum ListWatchEventType
{
    /// <summary>A full, consistent list: replace everything known with these items.</summary>
    Listed,
    Added,
    Modified,
    Deleted,
}
