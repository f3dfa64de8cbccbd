namespace Tollgate.Webhooks.Settings;

/// <summary>
/// The part of Argo CD's <c>argocd-cm</c> that changes who may do what, read the way Argo CD's settings manager reads it.
/// </summary>
public sealed record ArgoCdConfig
{
    /// <summary>Argo CD's own name for the ConfigMap; it is not configurable in Argo CD.</summary>
    public const string ConfigMapName = "argocd-cm";

    public const string RequireOverridePrivilegeForRevisionSyncKey = "application.sync.requireOverridePrivilegeForRevisionSync";

    public static ArgoCdConfig Default { get; } = new();

    /// <summary>A sync to a revision other than the source's target revision needs <c>override</c> as well as <c>sync</c>.</summary>
    public bool RequireOverridePrivilegeForRevisionSync { get; init; }

    /// <summary>
    /// Set when <see cref="RequireOverridePrivilegeForRevisionSyncKey"/> is not a boolean: Argo CD's API then fails every
    /// sync with this error, so Tollgate refuses every sync requested with kubectl.
    /// </summary>
    public string? RevisionSyncSettingError { get; init; }

    /// <summary>What is wrong with the ConfigMap, for the log; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems => RevisionSyncSettingError is null ? [] : [RevisionSyncSettingError];

    public static ArgoCdConfig FromData(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null || !data.TryGetValue(RequireOverridePrivilegeForRevisionSyncKey, out var text) || text.Length == 0)
        {
            return Default;
        }

        return GoBool.TryParse(text, out var value)
            ? new ArgoCdConfig { RequireOverridePrivilegeForRevisionSync = value }
            : new ArgoCdConfig
            {
                RevisionSyncSettingError =
                    $"error parsing {RequireOverridePrivilegeForRevisionSyncKey} value: strconv.ParseBool: parsing \"{text}\": invalid syntax, expected true or false",
            };
    }
}
