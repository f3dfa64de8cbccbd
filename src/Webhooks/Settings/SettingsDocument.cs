namespace Tollgate.Webhooks.Settings;

/// <summary>The settings YAML as written; every field is optional and falls back to <see cref="TollgateSettings"/> defaults.</summary>
public sealed class SettingsDocument
{
    public string? ArgocdNamespace { get; set; }

    public string? RbacConfigMap { get; set; }

    public IdentitySetDocument? Controllers { get; set; }

    public IdentitySetDocument? System { get; set; }

    public IList<string>? AdminGroups { get; set; }

    public string? BreakGlassGroup { get; set; }

    public TrackingDocument? Tracking { get; set; }
}
