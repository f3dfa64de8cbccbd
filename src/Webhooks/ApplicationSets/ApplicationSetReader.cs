using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.ApplicationSets;

/// <summary>
/// Pure: reads an ApplicationSet from the admission request's JSON into <see cref="ApplicationSetView"/>: the spec
/// template, and for each top-level generator with its own <c>template</c> that template merged over the spec
/// template as Argo CD merges them (mergo: a field empty in the generator's template is taken from the spec's).
/// </summary>
public static class ApplicationSetReader
{
    /// <exception cref="JsonException">The object is not an ApplicationSet this can read.</exception>
    public static ApplicationSetView Read(JsonElement applicationSet)
    {
        if (applicationSet.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the ApplicationSet is not a JSON object");
        }

        var metadata = Property(applicationSet, "metadata");
        var spec = Property(applicationSet, "spec");
        var template = Property(spec, "template");
        List<EffectiveTemplate> templates = [];
        var specTemplateRendered = true;
        if (Property(spec, "generators") is { ValueKind: JsonValueKind.Array } generators && generators.GetArrayLength() > 0)
        {
            // spec.template alone renders only for the generators without a template of their own.
            specTemplateRendered = false;
            var index = 0;
            foreach (var generator in generators.EnumerateArray())
            {
                var own = generator.ValueKind == JsonValueKind.Object
                    ? generator.EnumerateObject()
                        .Select(kind => (kind.Name, Template: Property(kind.Value, "template")))
                        .FirstOrDefault(pair => pair.Template is { ValueKind: JsonValueKind.Object } value && !IsEmpty(value))
                    : default;
                if (own.Template is { } ownTemplate)
                {
                    templates.Add(Effective($"spec.generators[{index}].{own.Name}.template", Merge(ownTemplate, template)));
                }
                else
                {
                    specTemplateRendered = true;
                }

                index++;
            }
        }

        if (specTemplateRendered)
        {
            templates.Insert(0, Effective("spec.template", template));
        }

        return new ApplicationSetView(
            Text(metadata, "name"),
            Text(metadata, "namespace"),
            Text(Property(template, "spec"), "project"),
            templates,
            Property(spec, "templatePatch") is { ValueKind: JsonValueKind.String } patch && patch.GetString()!.Length > 0);
    }

    private static EffectiveTemplate Effective(string path, JsonElement? template)
    {
        var spec = Property(template, "spec");
        List<TemplateSource> sources = [];
        if (Property(spec, "sources") is { ValueKind: JsonValueKind.Array } many && many.GetArrayLength() > 0)
        {
            var index = 0;
            foreach (var source in many.EnumerateArray())
            {
                sources.Add(new TemplateSource($"{path}.spec.sources[{index++}].repoURL", Text(source, "repoURL")));
            }
        }
        else if (Property(spec, "source") is { ValueKind: JsonValueKind.Object } single)
        {
            sources.Add(new TemplateSource($"{path}.spec.source.repoURL", Text(single, "repoURL")));
        }

        var destination = Property(spec, "destination");
        return new EffectiveTemplate(
            path,
            Text(spec, "project"),
            sources,
            new ApplicationDestination { Server = Text(destination, "server"), Name = Text(destination, "name"), Namespace = Text(destination, "namespace") });
    }

    /// <summary>mergo.Merge(generator, spec): objects merge field by field; any other value of the generator's wins unless it is empty.</summary>
    private static JsonElement Merge(JsonElement own, JsonElement? fallback)
    {
        if (fallback is not { ValueKind: JsonValueKind.Object } other)
        {
            return own;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            WriteMerged(writer, own, other);
        }

        return JsonDocument.Parse(stream.ToArray()).RootElement;
    }

    private static void WriteMerged(Utf8JsonWriter writer, JsonElement own, JsonElement fallback)
    {
        writer.WriteStartObject();
        foreach (var property in own.EnumerateObject())
        {
            writer.WritePropertyName(property.Name);
            if (fallback.TryGetProperty(property.Name, out var other))
            {
                if (property.Value.ValueKind == JsonValueKind.Object && other.ValueKind == JsonValueKind.Object)
                {
                    WriteMerged(writer, property.Value, other);
                }
                else
                {
                    (IsEmpty(property.Value) ? other : property.Value).WriteTo(writer);
                }
            }
            else
            {
                property.Value.WriteTo(writer);
            }
        }

        foreach (var property in fallback.EnumerateObject())
        {
            if (!own.TryGetProperty(property.Name, out _))
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Go's zero value: absent, null, "", false, 0, an empty list, or an object of only empty fields.</summary>
    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False => true,
        JsonValueKind.String => value.GetString()!.Length == 0,
        JsonValueKind.Number => value.GetDouble() == 0,
        JsonValueKind.Array => value.GetArrayLength() == 0,
        JsonValueKind.Object => value.EnumerateObject().All(property => IsEmpty(property.Value)),
        _ => false,
    };

    private static JsonElement? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) ? property : null;

    private static string Text(JsonElement? element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() ?? "" : "";
}
