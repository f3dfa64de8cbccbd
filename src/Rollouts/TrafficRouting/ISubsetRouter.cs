namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>A router whose canary and stable destinations select pods by pod-template-hash (Argo's UpdateHash).</summary>
public interface ISubsetRouter : ITrafficRouter
{
    Task UpdateHashAsync(string canaryHash, string stableHash, CancellationToken cancellationToken);
}
