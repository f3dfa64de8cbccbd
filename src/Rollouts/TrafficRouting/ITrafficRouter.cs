namespace Tollgate.Rollouts.TrafficRouting;

/// <summary>
/// One ingress or mesh that splits a canary's traffic. A router writes only what it manages: objects it owns, or the
/// weight fields of the user's object, with patches.
/// </summary>
public interface ITrafficRouter
{
    /// <summary>The router's name in messages (Argo's Type()).</summary>
    string Type { get; }

    /// <summary>Routes <paramref name="weight"/> percent to the canary Service and the rest to the stable Service.</summary>
    /// <exception cref="TrafficRoutingException">The router's object is missing or not usable; nothing was changed.</exception>
    Task SetWeightAsync(int weight, CancellationToken cancellationToken);
}
