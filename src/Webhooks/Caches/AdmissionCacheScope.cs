namespace Tollgate.Webhooks.Caches;

/// <summary>
/// Which optional kinds are watched. Without Argo Rollouts' CRDs their informers would never sync and the server would
/// never become ready, so Program asks discovery once at startup.
/// </summary>
public sealed record AdmissionCacheScope(bool Rollouts)
{
    public static AdmissionCacheScope All { get; } = new(Rollouts: true);
}
