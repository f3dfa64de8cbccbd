using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Kube;

/// <summary>Any object the API serves: it names its own apiVersion and kind.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; set; }

    string? Kind { get; set; }
}

/// <summary>An object with metadata of type <typeparamref name="TMetadata"/>.</summary>
public interface IKubernetesObject<TMetadata> : IKubernetesObject
{
    TMetadata Metadata { get; set; }
}

/// <summary>
/// A kind whose place in the API is known at compile time, so the client needs no reflection or discovery to reach it.
/// </summary>
public interface IKubernetesResource<TSelf> : IKubernetesObject<V1ObjectMeta>
    where TSelf : IKubernetesResource<TSelf>
{
    static abstract ResourceDescriptor Resource { get; }
}
