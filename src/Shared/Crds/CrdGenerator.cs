using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;

namespace Tollgate.Shared.Crds;

/// <summary>
/// Turns a kind into an apiextensions.k8s.io/v1 CustomResourceDefinition with a structural schema. The kind's place
/// in the API comes from its static <see cref="IKubernetesResource{TSelf}.Resource"/>; the CRD-level settings from the
/// attributes in <see cref="Attributes"/>; the schema from the serializer contract in <paramref name="options"/>.
/// </summary>
public static class CrdGenerator
{
    private static readonly string[] SchemaKeyOrder =
    [
        "description", "type", "format", "anyOf", "x-kubernetes-int-or-string", "enum", "pattern",
        "minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems",
        "required", "properties", "items", "additionalProperties", "x-kubernetes-preserve-unknown-fields",
    ];

    [RequiresUnreferencedCode("Reads the kind's properties, enum members and attributes by reflection; for generation time only.")]
    public static JsonObject Generate<TEntity>(JsonSerializerOptions options)
        where TEntity : IKubernetesResource<TEntity>
    {
        ArgumentNullException.ThrowIfNull(options);
        var resource = TEntity.Resource;
        var type = typeof(TEntity);
        CheckEntityAttribute(type, resource);

        var names = new JsonObject
        {
            ["kind"] = resource.Kind,
            ["listKind"] = resource.ListKind,
            ["plural"] = resource.Plural,
            ["singular"] = resource.Kind.ToLowerInvariant(),
        };
        if (type.GetCustomAttribute<ShortNamesAttribute>() is { Names.Count: > 0 } shortNames)
        {
            names["shortNames"] = Strings(shortNames.Names);
        }

        if (type.GetCustomAttribute<CategoriesAttribute>() is { Categories.Count: > 0 } categories)
        {
            names["categories"] = Strings(categories.Categories);
        }

        var version = new JsonObject { ["name"] = resource.Version, ["served"] = true, ["storage"] = true };
        var columns = type.GetCustomAttributes<PrinterColumnAttribute>().Select(PrinterColumn).ToArray();
        if (columns.Length > 0)
        {
            version["additionalPrinterColumns"] = new JsonArray(columns);
        }

        if (Subresources(type) is { } subresources)
        {
            version["subresources"] = subresources;
        }

        var schema = Canonical(new SchemaGenerator(options).ForKind(type));
        version["schema"] = new JsonObject { ["openAPIV3Schema"] = schema };

        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{resource.Plural}.{resource.Group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = resource.Group,
                ["names"] = names,
                ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private static void CheckEntityAttribute(Type type, ResourceDescriptor resource)
    {
        if (type.GetCustomAttribute<KubernetesEntityAttribute>() is not { } entity)
        {
            return;
        }

        var plural = entity.PluralName.Length > 0 ? entity.PluralName : entity.Kind.ToLowerInvariant() + "s";
        if (entity.Group != resource.Group || entity.ApiVersion != resource.Version || entity.Kind != resource.Kind || plural != resource.Plural)
        {
            throw new InvalidOperationException(
                $"{type}: [KubernetesEntity] says {plural}.{entity.Group}/{entity.ApiVersion} kind {entity.Kind}, its Resource says {resource} kind {resource.Kind}");
        }
    }

    private static JsonObject PrinterColumn(PrinterColumnAttribute column)
    {
        var node = new JsonObject { ["name"] = column.Name, ["type"] = column.Type };
        if (column.Format is not null)
        {
            node["format"] = column.Format;
        }

        node["jsonPath"] = column.JsonPath;
        if (column.Description is not null)
        {
            node["description"] = column.Description;
        }

        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        return node;
    }

    private static JsonObject? Subresources(Type type)
    {
        var subresources = new JsonObject();
        if (type.GetCustomAttribute<StatusSubresourceAttribute>() is not null)
        {
            subresources["status"] = new JsonObject();
        }

        if (type.GetCustomAttribute<ScaleSubresourceAttribute>() is { } scale)
        {
            var node = new JsonObject { ["specReplicasPath"] = scale.SpecReplicasPath, ["statusReplicasPath"] = scale.StatusReplicasPath };
            if (scale.LabelSelectorPath is not null)
            {
                node["labelSelectorPath"] = scale.LabelSelectorPath;
            }

            subresources["scale"] = node;
        }

        return subresources.Count > 0 ? subresources : null;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(value => JsonValue.Create(value))]);

    /// <summary>A copy of <paramref name="schema"/> with its keywords in a fixed, readable order, at every depth.</summary>
    private static JsonObject Canonical(JsonObject schema)
    {
        var ordered = new JsonObject();
        foreach (var key in schema.Select(pair => pair.Key).OrderBy(Rank).ThenBy(key => key, StringComparer.Ordinal))
        {
            var value = schema[key]?.DeepClone();
            ordered[key] = (key, value) switch
            {
                ("properties", JsonObject properties) => new JsonObject(
                    properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)Canonical(p.Value!.AsObject())))),
                ("items" or "additionalProperties", JsonObject nested) => Canonical(nested),
                _ => value,
            };
        }

        return ordered;
    }

    private static int Rank(string key) => Array.IndexOf(SchemaKeyOrder, key) is var index and >= 0 ? index : SchemaKeyOrder.Length;
}
