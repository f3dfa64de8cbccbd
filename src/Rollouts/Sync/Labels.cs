namespace Tollgate.Rollouts.Sync;

internal static class Labels
{
    public static string? Value(IDictionary<string, string>? labels, string key) =>
        labels is not null && labels.TryGetValue(key, out var value) ? value : null;
}
