using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// Pure: what Argo CD's sync API (<c>server/application</c> Sync and resolveSourceRevisions) demands before it sets an
/// operation, applied to an operation written with kubectl: <c>sync</c>; <c>override</c> for local manifests; with
/// <c>application.sync.requireOverridePrivilegeForRevisionSync</c>, <c>override</c> for a revision other than the
/// target; and its refusals (local or other-revision syncs of an automated application unless dry run).
/// </summary>
public static class SyncRules
{
    public const string LocalManifestsWhy = "a sync with local manifests (.operation.sync.manifests) needs override as well as sync";

    public static IReadOnlyList<ApplicationCheck> Checks(Application application, RequestedSync sync, ArgoCdConfig config)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(config);
        List<ApplicationCheck> checks = [ApplicationCheck.Permission(application, "sync")];
        var automated = IsAutomated(application.Spec.SyncPolicy);
        if (sync.LocalManifests)
        {
            checks.Add(ApplicationCheck.Permission(application, "override", LocalManifestsWhy));
            if (automated && !sync.DryRun)
            {
                checks.Add(ApplicationCheck.Refuse("cannot use local sync when Automatic Sync Policy is enabled unless for dry run"));
                return checks;
            }
        }

        if (config.RevisionSyncSettingError is { } settingError)
        {
            checks.Add(ApplicationCheck.Refuse($"error getting setting 'RequireOverridePrivilegeForRevisionSync' from configmap {ArgoCdConfig.ConfigMapName}: {settingError}"));
            return checks;
        }

        if (application.Spec.Sources is { Count: > 0 } sources)
        {
            if (sync.Revisions.Count > sources.Count)
            {
                checks.Add(ApplicationCheck.Refuse($"source position is out of range: .operation.sync.revisions has {sync.Revisions.Count} entries for {sources.Count} sources"));
                return checks;
            }

            for (var index = 0; index < sync.Revisions.Count; index++)
            {
                var desired = sync.Revisions[index];
                var target = FirstNonEmpty(sources[index].TargetRevision, "HEAD");
                if (desired.Length > 0 && desired != target
                    && OtherRevision(application, config, automated, sync.DryRun, checks, $"source {sources[index].RepoUrl} to {desired}", sources[index].TargetRevision ?? "", desired, target, index))
                {
                    return checks;
                }
            }

            return checks;
        }

        var sourceTarget = FirstNonEmpty(application.Spec.Source?.TargetRevision, "HEAD");
        if (sync.Revision.Length > 0 && sync.Revision != sourceTarget)
        {
            OtherRevision(application, config, automated, sync.DryRun, checks, $"to {sync.Revision}", application.Spec.Source?.TargetRevision ?? "", sync.Revision, sourceTarget, null);
        }

        return checks;
    }

    /// <summary>Argo CD's <c>IsAutomatedSyncEnabled</c>: <c>automated</c> is set and its <c>enabled</c> is not false.</summary>
    public static bool IsAutomated(JsonElement? syncPolicy) =>
        JsonComparison.Property(syncPolicy, "automated") is { ValueKind: JsonValueKind.Object } automated
        && JsonComparison.Property(automated, "enabled") is not { ValueKind: JsonValueKind.False };

    /// <returns>True when a refusal ends the checks.</returns>
    private static bool OtherRevision(
        Application application, ArgoCdConfig config, bool automated, bool dryRun, List<ApplicationCheck> checks,
        string what, string configuredTarget, string desired, string target, int? sourceIndex)
    {
        if (config.RequireOverridePrivilegeForRevisionSync)
        {
            var field = sourceIndex is { } index ? $".operation.sync.revisions[{index}]" : ".operation.sync.revision";
            checks.Add(ApplicationCheck.Permission(
                application,
                "override",
                $"with {ArgoCdConfig.RequireOverridePrivilegeForRevisionSyncKey} in {ArgoCdConfig.ConfigMapName}, a sync to revision {desired} ({field}) other than the target revision {target} needs override as well as sync"));
        }

        if (automated && !dryRun)
        {
            checks.Add(ApplicationCheck.Refuse($"Cannot sync {what}: auto-sync currently set to {configuredTarget}"));
            return true;
        }

        return false;
    }

    private static string FirstNonEmpty(string? value, string fallback) => string.IsNullOrEmpty(value) ? fallback : value;
}
