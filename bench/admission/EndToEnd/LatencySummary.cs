using System.Globalization;

namespace Tollgate.Bench.AdmissionEndToEnd;

/// <summary>p50 and p99 (nearest rank) of one arm's request latencies, in milliseconds.</summary>
public sealed record LatencySummary(double P50, double P99, int Count)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(Rank(sorted, 0.50), Rank(sorted, 0.99), sorted.Length);
    }

    public string Format(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static double Rank(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
