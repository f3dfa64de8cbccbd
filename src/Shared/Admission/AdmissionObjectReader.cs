using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Admission;

/// <summary>
/// Reads a request's object as a typed entity the way a handler may trust it: a JSON <c>null</c> where the type has
/// no room for one (a non-nullable property, an element of a list) is a <see cref="JsonException"/> naming its path,
/// never an object with a hole that throws <see cref="NullReferenceException"/> later. The API server prunes such nulls
/// from custom resources, so only a hand-made review carries them.
/// </summary>
public static class AdmissionObjectReader
{
    private static readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> StrictOptions = [];

    /// <exception cref="JsonException">The element does not fit <typeparamref name="T"/>.</exception>
    public static T Read<T>(JsonElement element, JsonTypeInfo<T> type)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(type);
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"the object is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        if (NullListElement(element) is { } path)
        {
            throw new JsonException($"${path} is null; a list holds no null elements");
        }

        // A custom kind's spec is typed by a generic parameter, whose nullability the serializer cannot see.
        if (typeof(CustomKubernetesEntity).IsAssignableFrom(typeof(T))
            && element.TryGetProperty("spec", out var spec) && spec.ValueKind == JsonValueKind.Null)
        {
            throw new JsonException("$.spec is null; the kind has no room for a null spec");
        }

        // From the element's own UTF-8 bytes: JsonElement.Deserialize would first copy the element through a writer.
        return JsonSerializer.Deserialize(JsonMarshal.GetRawUtf8Value(element), Strict(type))
            ?? throw new JsonException("the object is null");
    }

    /// <summary>
    /// A type information for <see cref="Read{T}"/> that passes over, unparsed, members no decision reads: each pair
    /// names a type of the graph and the JSON name of one of its members, or null for the type's extension data (where
    /// <c>metadata.managedFields</c> lands). A large object's status or field ownership then costs a skip of its bytes
    /// instead of a parsed copy per request. Build it once per handler, not per request.
    /// </summary>
    public static JsonTypeInfo<T> Skipping<T>(JsonTypeInfo<T> type, params (Type Owner, string? JsonName)[] unread)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(unread);
        var resolver = (type.Options.TypeInfoResolver ?? throw new ArgumentException("the type information has no resolver", nameof(type)))
            .WithAddedModifier(info =>
            {
                foreach (var (owner, jsonName) in unread)
                {
                    if (info.Type != owner)
                    {
                        continue;
                    }

                    for (var i = info.Properties.Count - 1; i >= 0; i--)
                    {
                        if (jsonName is null ? info.Properties[i].IsExtensionData : info.Properties[i].Name == jsonName)
                        {
                            info.Properties.RemoveAt(i);
                        }
                    }
                }
            });
        var options = new JsonSerializerOptions(type.Options) { RespectNullableAnnotations = true, TypeInfoResolver = resolver };
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    private static JsonTypeInfo<T> Strict<T>(JsonTypeInfo<T> type)
    {
        if (type.Options.RespectNullableAnnotations)
        {
            return type;
        }

        if (StrictTypeCache<T>.Entry is { } entry && ReferenceEquals(entry.Item1, type))
        {
            return entry.Item2;
        }

        var strict = StrictOptions.GetValue(type.Options, static options => new JsonSerializerOptions(options) { RespectNullableAnnotations = true });
        var info = (JsonTypeInfo<T>)strict.GetTypeInfo(typeof(T));
        StrictTypeCache<T>.Entry = Tuple.Create(type, info);
        return info;
    }

    /// <summary>The last strict type info made for <typeparamref name="T"/> (one context per type in practice), so a review does not look it up again.</summary>
    private static class StrictTypeCache<T>
    {
        // A reference, so a reader never sees the source of one pair with the type info of another.
        public static Tuple<JsonTypeInfo<T>, JsonTypeInfo<T>>? Entry;
    }

    /// <summary>The JSON path (below the element, such as <c>.spec.steps[2]</c>) of the first null element of an array, or null.</summary>
    internal static string? NullListElement(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (NullListElement(property.Value) is { } below)
                {
                    return $".{property.Name}{below}";
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Null)
                {
                    return $"[{index}]";
                }

                if (NullListElement(item) is { } below)
                {
                    return $"[{index}]{below}";
                }

                index++;
            }
        }

        return null;
    }
}
