using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Tollgate.Shared.Kube.Serialization;

/// <summary>Serializer options that resolve the built-in kinds plus any number of callers' source-generated contexts.</summary>
public static class KubernetesJson
{
    public static JsonSerializerOptions CreateOptions(params IJsonTypeInfoResolver[] resolvers) =>
        new(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, KubernetesJsonContext.Default, ClientJsonContext.Default]),
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            Converters = { new Rfc3339TimeConverter() },
        };

    public static JsonTypeInfo<T> TypeInfo<T>(this JsonSerializerOptions options)
    {
        if (options.TryGetTypeInfo(typeof(T), out var info))
        {
            return (JsonTypeInfo<T>)info;
        }

        throw new NotSupportedException(
            $"{typeof(T)} is not registered in any JsonSerializerContext given to the client; add [JsonSerializable(typeof({typeof(T).Name}))] to one");
    }
}
