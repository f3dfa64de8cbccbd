using System.Text.Json;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// What an Application's <c>.operation</c> asks for, in the terms Argo CD's sync API checks: the revision (or, for
/// multi-source applications, the revision per source), whether it carries local manifests, and whether it is a dry run.
/// </summary>
public sealed record RequestedSync(string Revision, IReadOnlyList<string> Revisions, bool LocalManifests, bool DryRun)
{
    /// <summary>Reads <c>.operation.sync</c>; an operation without one is a sync with no revision given.</summary>
    public static RequestedSync From(JsonElement operation)
    {
        var sync = JsonComparison.Property(operation, "sync");
        var revision = JsonComparison.Property(sync, "revision") is { ValueKind: JsonValueKind.String } text ? text.GetString() ?? "" : "";
        List<string> revisions = [];
        if (JsonComparison.Property(sync, "revisions") is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var item in list.EnumerateArray())
            {
                revisions.Add(item.ValueKind == JsonValueKind.String ? item.GetString() ?? "" : "");
            }
        }

        // Argo CD's API asks for override whenever manifests are given at all (`Manifests != nil`), even an empty list.
        var manifests = JsonComparison.Property(sync, "manifests") is not null;
        var dryRun = JsonComparison.Property(sync, "dryRun") is { ValueKind: JsonValueKind.True };
        return new RequestedSync(revision, revisions, manifests, dryRun);
    }
}
