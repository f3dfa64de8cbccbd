namespace Tollgate.Webhooks.Settings;

/// <summary>Where the settings came from: the ConfigMap watched for changes, or null for a file or the defaults.</summary>
public sealed record SettingsSource((string Namespace, string Name)? ConfigMap)
{
    public static SettingsSource None { get; } = new((ValueTuple<string, string>?)null);

    /// <summary>From <c>namespace/name</c>, as <c>--settings-configmap</c> takes it.</summary>
    public static SettingsSource FromReference(string? reference) =>
        reference?.Split('/') is [{ Length: > 0 } ns, { Length: > 0 } name] ? new SettingsSource((ns, name)) : None;
}
