using System.Text.Json;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Pure structural comparisons of a stored object and the object sent, on raw JSON.</summary>
public static class JsonComparison
{
    private static readonly string[] UserMetadata = ["labels", "annotations", "finalizers", "ownerReferences"];

    /// <summary>True when every property of the two objects is equal, apart from <paramref name="ignored"/>.</summary>
    public static bool EqualExcept(JsonElement? left, JsonElement? right, params string[] ignored)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        var (a, b) = (AsObject(left), AsObject(right));
        foreach (var property in a.EnumerateObject())
        {
            if (Array.IndexOf(ignored, property.Name) >= 0)
            {
                continue;
            }

            if (!b.TryGetProperty(property.Name, out var other) || !JsonElement.DeepEquals(property.Value, other))
            {
                return false;
            }
        }

        foreach (var property in b.EnumerateObject())
        {
            if (Array.IndexOf(ignored, property.Name) < 0 && !a.TryGetProperty(property.Name, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Labels, annotations, finalizers and owner references: the metadata a user writes (not resourceVersion and the like).</summary>
    public static bool UserMetadataEqual(JsonElement? left, JsonElement? right)
    {
        var (a, b) = (Property(left, "metadata"), Property(right, "metadata"));
        foreach (var name in UserMetadata)
        {
            if (!NullableEquals(Property(a, name), Property(b, name)))
            {
                return false;
            }
        }

        return true;
    }

    public static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind != JsonValueKind.Null
            ? property
            : null;

    public static bool NullableEquals(JsonElement? left, JsonElement? right) =>
        (left, right) switch
        {
            (null, null) => true,
            ({ } a, { } b) => JsonElement.DeepEquals(a, b),
            _ => false,
        };

    /// <summary>An update of an Application that changes only <c>.operation</c> (how kubectl requests a sync).</summary>
    public static bool IsOperationOnly(JsonElement? oldObject, JsonElement? newObject) =>
        !NullableEquals(Property(oldObject, "operation"), Property(newObject, "operation"))
        && Property(newObject, "operation") is not null
        && EqualExcept(oldObject, newObject, "metadata", "operation")
        && UserMetadataEqual(oldObject, newObject);

    private static JsonElement AsObject(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } value ? value : EmptyObject;

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
