using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Crds.Attributes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Crds;

/// <summary>
/// Builds structural OpenAPI v3 schemas from the serializer's contracts rather than from the CLR types, so a schema
/// describes exactly what the serializer writes: the same names, no ignored or extension-data properties.
/// </summary>
internal sealed class SchemaGenerator(JsonSerializerOptions options)
{
    private const string PreserveUnknownFields = "x-kubernetes-preserve-unknown-fields";

    private readonly HashSet<Type> objectsBeingDescribed = [];

    [RequiresUnreferencedCode("Reads enum members and attributes by reflection.")]
    public JsonObject ForKind(Type kind) => ForObject(options.GetTypeInfo(kind), isKind: true);

    [RequiresUnreferencedCode("Reads enum members and attributes by reflection.")]
    private JsonObject ForProperty(JsonPropertyInfo property, bool isKindMetadata)
    {
        var attributes = property.AttributeProvider ?? throw new InvalidOperationException(
            $"no attributes for {property.DeclaringType}.{property.Name}: the serializer contract must come from reflection or .NET 9+ source generation");
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;

        // The API server owns the kind's metadata; a CRD may not describe it beyond its type.
        var schema = isKindMetadata ? new JsonObject { ["type"] = "object" } : ForType(type, attributes);

        if (Attribute<DescriptionAttribute>(attributes)?.Description is { Length: > 0 } description)
        {
            schema["description"] = description;
        }

        AddValidations(schema, attributes);
        if (Attribute<PreserveUnknownFieldsAttribute>(attributes) is not null)
        {
            schema[PreserveUnknownFields] = true;
        }

        return schema;
    }

    [RequiresUnreferencedCode("Reads enum members and attributes by reflection.")]
    private JsonObject ForType(Type type, ICustomAttributeProvider attributes)
    {
        if (WellKnown(type) is { } known)
        {
            return known;
        }

        if (type == typeof(JsonElement) || type == typeof(JsonNode))
        {
            return Opaque(Attribute<SchemaTypeAttribute>(attributes)?.Type);
        }

        if (type.IsEnum)
        {
            return ForEnum(type, attributes);
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Object => ForObject(info, isKind: false),
            JsonTypeInfoKind.Enumerable => new JsonObject
            {
                ["type"] = "array",
                ["items"] = ForType(Unwrap(info.ElementType!), info.ElementType!),
            },
            JsonTypeInfoKind.Dictionary when info.KeyType == typeof(string) => new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = ForType(Unwrap(info.ElementType!), info.ElementType!),
            },
            _ => throw new NotSupportedException($"no OpenAPI schema for {type}: use a class, a list, a string-keyed dictionary, a primitive or JsonElement"),
        };
    }

    [RequiresUnreferencedCode("Reads enum members and attributes by reflection.")]
    private JsonObject ForObject(JsonTypeInfo info, bool isKind)
    {
        if (!objectsBeingDescribed.Add(info.Type))
        {
            throw new NotSupportedException($"{info.Type} contains itself; a structural schema cannot describe recursive types");
        }

        var properties = new JsonObject();
        var required = new List<string>();
        foreach (var property in info.Properties.Where(IsSerialized).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var isKindMetadata = isKind && property.Name == "metadata" && property.PropertyType == typeof(V1ObjectMeta);
            properties[property.Name] = ForProperty(property, isKindMetadata);
            if (property.IsRequired || Attribute<RequiredAttribute>(property.AttributeProvider!) is not null)
            {
                required.Add(property.Name);
            }
        }

        objectsBeingDescribed.Remove(info.Type);
        var schema = WithTypeDescription(new JsonObject { ["type"] = "object" }, info.Type);

        if (required.Count > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(name => JsonValue.Create(name))]);
        }

        schema["properties"] = properties;
        if (info.Type.GetCustomAttribute<PreserveUnknownFieldsAttribute>() is not null)
        {
            schema[PreserveUnknownFields] = true;
        }

        return schema;
    }

    [RequiresUnreferencedCode("Reads enum members by reflection.")]
    private JsonObject ForEnum(Type type, ICustomAttributeProvider attributes)
    {
        if (!IsSerializedAsString(type, attributes))
        {
            throw new NotSupportedException(
                $"{type} is serialized as a number; give it [JsonConverter(typeof(JsonStringEnumConverter<{type.Name}>))] so the schema and the wire agree");
        }

        var names = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .OrderBy(field => field.MetadataToken)
            .Select(field => field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name);
        return WithTypeDescription(
            new JsonObject { ["type"] = "string", ["enum"] = new JsonArray([.. names.Select(name => JsonValue.Create(name))]) }, type);
    }

    private static JsonObject WithTypeDescription(JsonObject schema, Type type)
    {
        if (type.GetCustomAttribute<DescriptionAttribute>()?.Description is { Length: > 0 } description)
        {
            schema["description"] = description;
        }

        return schema;
    }

    private static bool IsSerialized(JsonPropertyInfo property) =>
        !property.IsExtensionData
        && property.AttributeProvider?.GetCustomAttributes(typeof(JsonIgnoreAttribute), inherit: true).OfType<JsonIgnoreAttribute>()
            .FirstOrDefault() is not { Condition: JsonIgnoreCondition.Always };

    private bool IsSerializedAsString(Type enumType, ICustomAttributeProvider attributes)
    {
        static bool IsStringEnumConverter(Type? converter) =>
            converter is not null
            && (converter == typeof(JsonStringEnumConverter)
                || (converter.IsGenericType && converter.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>)));

        return IsStringEnumConverter(Attribute<JsonConverterAttribute>(attributes)?.ConverterType)
            || IsStringEnumConverter(enumType.GetCustomAttribute<JsonConverterAttribute>()?.ConverterType)
            || options.Converters.Any(converter => IsStringEnumConverter(converter.GetType()));
    }

    private static JsonObject? WellKnown(Type type)
    {
        (string Type, string? Format)? primitive = type switch
        {
            _ when type == typeof(string) || type == typeof(char) => ("string", null),
            _ when type == typeof(bool) => ("boolean", null),
            _ when type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte) || type == typeof(ushort) => ("integer", "int32"),
            _ when type == typeof(long) || type == typeof(uint) || type == typeof(ulong) => ("integer", "int64"),
            _ when type == typeof(float) => ("number", "float"),
            _ when type == typeof(double) => ("number", "double"),
            _ when type == typeof(decimal) => ("number", null),
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => ("string", "date-time"),
            _ when type == typeof(byte[]) => ("string", "byte"),
            _ => null,
        };
        if (primitive is var (name, format))
        {
            var schema = new JsonObject { ["type"] = name };
            if (format is not null)
            {
                schema["format"] = format;
            }

            return schema;
        }

        if (type == typeof(IntOrString))
        {
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
                ["x-kubernetes-int-or-string"] = true,
            };
        }

        // Pod templates and nested object metadata are validated by the API server where they become pods; describing
        // them here would copy Kubernetes' huge PodSpec schema into every CRD.
        if (type == typeof(V1PodTemplateSpec) || type == typeof(V1ObjectMeta) || type == typeof(JsonObject))
        {
            return Opaque("object");
        }

        return type == typeof(JsonArray) ? Opaque("array") : null;
    }

    private static JsonObject Opaque(string? type) => type switch
    {
        null => new JsonObject { [PreserveUnknownFields] = true },
        "object" => new JsonObject { ["type"] = "object", [PreserveUnknownFields] = true },
        "array" => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { [PreserveUnknownFields] = true } },
        _ => throw new NotSupportedException($"[SchemaType(\"{type}\")]: an opaque JSON value is an \"object\" or an \"array\""),
    };

    private static void AddValidations(JsonObject schema, ICustomAttributeProvider attributes)
    {
        var isArray = (string?)schema["type"] == "array";
        if (Attribute<RangeAttribute>(attributes) is { } range)
        {
            schema["minimum"] = Number(range.Minimum);
            schema["maximum"] = Number(range.Maximum);
            if (range.MinimumIsExclusive)
            {
                schema["exclusiveMinimum"] = true;
            }

            if (range.MaximumIsExclusive)
            {
                schema["exclusiveMaximum"] = true;
            }
        }

        if (Attribute<RegularExpressionAttribute>(attributes) is { } pattern)
        {
            schema["pattern"] = pattern.Pattern;
        }

        if (Attribute<AllowedValuesAttribute>(attributes) is { } allowed)
        {
            schema["enum"] = new JsonArray([.. allowed.Values.Select(Literal)]);
        }

        if (Attribute<MinLengthAttribute>(attributes) is { } minLength)
        {
            schema[isArray ? "minItems" : "minLength"] = minLength.Length;
        }

        if (Attribute<MaxLengthAttribute>(attributes) is { } maxLength)
        {
            schema[isArray ? "maxItems" : "maxLength"] = maxLength.Length;
        }
    }

    private static JsonValue Number(object value) => value switch
    {
        int i => JsonValue.Create(i),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => JsonValue.Create((long)d),
        double d => JsonValue.Create(d),
        _ => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
    };

    private static JsonValue? Literal(object? value) => value switch
    {
        null => null,
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        int or long or short or byte => JsonValue.Create(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double or float or decimal => JsonValue.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;

    private static T? Attribute<T>(ICustomAttributeProvider provider)
        where T : Attribute =>
        provider.GetCustomAttributes(typeof(T), inherit: true).OfType<T>().FirstOrDefault();
}
