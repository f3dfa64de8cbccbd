using System.Text.Json;
using Tollgate.Shared.Yaml;

namespace Tollgate.Webhooks.Settings;

/// <summary>Reads Tollgate's settings YAML (a file, or the <c>settings.yaml</c> key of a ConfigMap).</summary>
public static class SettingsLoader
{
    public const string ConfigMapKey = "settings.yaml";

    /// <exception cref="FormatException">The YAML is invalid, has unknown fields or an unknown tracking method.</exception>
    public static TollgateSettings Parse(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return TollgateSettings.Default;
        }

        var documents = YamlJson.ParseDocuments(yaml);
        if (documents.Count == 0)
        {
            return TollgateSettings.Default;
        }

        SettingsDocument document;
        try
        {
            document = documents[0].Deserialize(SettingsJsonContext.Default.SettingsDocument) ?? new SettingsDocument();
        }
        catch (JsonException e)
        {
            throw new FormatException($"invalid Tollgate settings: {e.Message}", e);
        }

        return FromDocument(document);
    }

    public static TollgateSettings Load(string path) => Parse(File.ReadAllText(path));

    public static TollgateSettings FromDocument(SettingsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var defaults = TollgateSettings.Default;
        return new TollgateSettings
        {
            ArgoCdNamespace = NonEmpty(document.ArgocdNamespace) ?? defaults.ArgoCdNamespace,
            RbacConfigMap = NonEmpty(document.RbacConfigMap) ?? defaults.RbacConfigMap,
            Controllers = document.Controllers is { } controllers
                ? new IdentitySet(controllers.Users ?? [], controllers.Groups ?? [])
                : defaults.Controllers,
            System = document.System is { } system
                ? new IdentitySet(system.Users ?? [], system.Groups ?? [])
                : defaults.System,
            AdminGroups = document.AdminGroups is { } admins ? new IdentityPatterns(admins) : defaults.AdminGroups,
            BreakGlassGroup = NonEmpty(document.BreakGlassGroup) ?? defaults.BreakGlassGroup,
            TrackingMethod = ParseMethod(document.Tracking?.Method) ?? defaults.TrackingMethod,
            TrackingLabel = NonEmpty(document.Tracking?.LabelKey) ?? defaults.TrackingLabel,
        };
    }

    public static TrackingMethod? ParseMethod(string? text) => NonEmpty(text)?.ToLowerInvariant() switch
    {
        null => null,
        "annotation" => TrackingMethod.Annotation,
        "label" => TrackingMethod.Label,
        "annotation+label" or "both" => TrackingMethod.AnnotationAndLabel,
        var other => throw new FormatException($"tracking.method must be annotation, label or annotation+label, not '{other}'"),
    };

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
