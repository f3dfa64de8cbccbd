namespace Tollgate.Shared.Kube.Requests;

public enum PatchType
{
    Json,
    Merge,
    StrategicMerge,
    Apply,
}
