using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Operator.Builder;

/// <summary>Finds the JSON contract of an entity type for the private copies handed to controllers.</summary>
internal static class EntityJson
{
    public static JsonTypeInfo<T> TypeInfo<T>(IKubernetesClient client, IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        if (client is KubernetesClient concrete && concrete.SerializerOptions.TryGetTypeInfo(typeof(T), out var known))
        {
            return (JsonTypeInfo<T>)known;
        }

        return KubernetesJson.CreateOptions([.. resolvers]).TypeInfo<T>();
    }
}
