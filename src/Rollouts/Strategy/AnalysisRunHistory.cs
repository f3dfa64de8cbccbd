namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.analysis.successfulRunHistoryLimit / unsuccessfulRunHistoryLimit (default 5 each, as Argo): completed runs that
/// are no longer current beyond the limits are deleted, oldest first.
/// </summary>
public static class AnalysisRunHistory
{
    public const int DefaultLimit = 5;

    public static IReadOnlyList<string> ToDelete(IEnumerable<ObservedAnalysisRun> notCurrent, int? successfulLimit, int? unsuccessfulLimit)
    {
        ArgumentNullException.ThrowIfNull(notCurrent);
        var completed = notCurrent.Where(r => r.IsCompleted).OrderByDescending(r => r.Created ?? DateTimeOffset.MinValue).ThenByDescending(r => r.Name, StringComparer.Ordinal).ToList();
        var successful = completed.Where(r => r.Phase == "Successful").Skip(Math.Max(0, successfulLimit ?? DefaultLimit));
        var unsuccessful = completed.Where(r => r.Phase != "Successful").Skip(Math.Max(0, unsuccessfulLimit ?? DefaultLimit));
        return successful.Concat(unsuccessful).Select(r => r.Name).ToList();
    }
}
