using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Settings;

/// <summary>
/// The part of Argo CD's <c>argocd-cm</c> that changes who may do what, read the way Argo CD's settings manager reads it.
/// </summary>
public sealed record ArgoCdConfig
{
    /// <summary>Argo CD's own name for the ConfigMap; it is not configurable in Argo CD.</summary>
    public const string ConfigMapName = "argocd-cm";

    /// <summary>Argo CD's command-line parameters ConfigMap; its <c>application.namespaces</c> enables Applications in other namespaces.</summary>
    public const string CmdParamsConfigMapName = "argocd-cmd-params-cm";

    public const string ApplicationNamespacesKey = "application.namespaces";

    public const string ImpersonationEnabledKey = "application.sync.impersonation.enabled";

    public const string ImpersonationEnforcedKey = "application.sync.impersonation.enforced";

    public const string InClusterEnabledKey = "cluster.inClusterEnabled";

    public const string RequireOverridePrivilegeForRevisionSyncKey = "application.sync.requireOverridePrivilegeForRevisionSync";

    public static ArgoCdConfig Default { get; } = new();

    /// <summary>A sync to a revision other than the source's target revision needs <c>override</c> as well as <c>sync</c>.</summary>
    public bool RequireOverridePrivilegeForRevisionSync { get; init; }

    /// <summary>
    /// Set when <see cref="RequireOverridePrivilegeForRevisionSyncKey"/> is not a boolean: Argo CD's API then fails every
    /// sync with this error, so Tollgate refuses every sync requested with kubectl.
    /// </summary>
    public string? RevisionSyncSettingError { get; init; }

    /// <summary>
    /// The namespaces besides Argo CD's own where Applications are served (<c>application.namespaces</c>, comma-separated
    /// globs or /regular expressions/, each trimmed).
    /// </summary>
    public NamespacePatterns ApplicationNamespaces { get; init; } = NamespacePatterns.None;

    /// <summary>The <c>application.namespaces</c> text as written, for comparison and messages.</summary>
    public string ApplicationNamespacesText { get; init; } = "";

    /// <summary>Argo CD's <c>IsNamespaceEnabled</c>: its own namespace, or one <c>application.namespaces</c> matches.</summary>
    public bool IsApplicationNamespaceEnabled(string @namespace, string argoCdNamespace) =>
        @namespace == argoCdNamespace || ApplicationNamespaces.Matches(@namespace);

    /// <summary>Syncs run as the project's <c>destinationServiceAccounts</c> (exactly <c>"true"</c>, as Argo CD reads it).</summary>
    public bool ImpersonationEnabled { get; init; }

    /// <summary>With impersonation, a destination no entry matches fails to sync (the default; only <c>"false"</c> turns it off).</summary>
    public bool ImpersonationEnforced { get; init; } = true;

    /// <summary>The built-in in-cluster cluster is usable (only <c>"false"</c> disables it, as Argo CD reads it).</summary>
    public bool InClusterEnabled { get; init; } = true;

    /// <summary>What is wrong with the ConfigMap, for the log; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems => RevisionSyncSettingError is null ? [] : [RevisionSyncSettingError];

    /// <param name="data">argocd-cm's data.</param>
    /// <param name="cmdParams">argocd-cmd-params-cm's data.</param>
    public static ArgoCdConfig FromData(IReadOnlyDictionary<string, string>? data, IReadOnlyDictionary<string, string>? cmdParams = null)
    {
        var namespacesText = cmdParams is not null && cmdParams.TryGetValue(ApplicationNamespacesKey, out var namespaces) ? namespaces : "";
        var config = namespacesText.Length == 0
            ? Default
            : new ArgoCdConfig
            {
                ApplicationNamespacesText = namespacesText,
                ApplicationNamespaces = NamespacePatterns.Compile(namespacesText.Split(',').Select(pattern => pattern.Trim())),
            };
        if (data is not null && data.TryGetValue(ImpersonationEnabledKey, out var enabled) && enabled == "true")
        {
            config = config with
            {
                ImpersonationEnabled = true,
                ImpersonationEnforced = !data.TryGetValue(ImpersonationEnforcedKey, out var enforced) || enforced != "false",
            };
        }

        if (data is not null && data.TryGetValue(InClusterEnabledKey, out var inCluster) && inCluster == "false")
        {
            config = config with { InClusterEnabled = false };
        }

        if (data is null || !data.TryGetValue(RequireOverridePrivilegeForRevisionSyncKey, out var text) || text.Length == 0)
        {
            return config;
        }

        return GoBool.TryParse(text, out var value)
            ? config with { RequireOverridePrivilegeForRevisionSync = value }
            : config with
            {
                RevisionSyncSettingError =
                    $"error parsing {RequireOverridePrivilegeForRevisionSyncKey} value: strconv.ParseBool: parsing \"{text}\": invalid syntax, expected true or false",
            };
    }
}
