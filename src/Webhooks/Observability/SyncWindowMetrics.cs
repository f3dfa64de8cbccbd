using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;

namespace Tollgate.Webhooks.Observability;

/// <summary>
/// <c>tollgate_sync_window_refusals_total{project,window,kind}</c>: syncs requested with kubectl that a project's sync
/// windows refused. <c>window</c> is the window's index in the project's <c>syncWindows</c> and <c>kind</c> is
/// allow, deny or invalid, so the labels are bounded by the projects and windows administrators define.
/// </summary>
public sealed class SyncWindowMetrics(IMeterFactory meterFactory)
{
    private readonly Counter<long> refusals = meterFactory.Create(WebhookMetrics.MeterName).CreateCounter<long>(
        "tollgate_sync_window_refusals", "{request}", "Manual syncs refused by a project's sync windows, by project, window index and kind");

    public void RecordRefusal(string project, int window, string kind) =>
        refusals.Add(1, new TagList
        {
            { "project", project },
            { "window", window.ToString(CultureInfo.InvariantCulture) },
            { "kind", kind is "allow" or "deny" ? kind : "invalid" },
        });
}
