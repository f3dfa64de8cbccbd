namespace Tollgate.Rollouts.Analysis;

/// <summary>How many measurements a metric result keeps in status (Argo's measurementRetention).</summary>
public static class MeasurementRetention
{
    public const int DefaultLimit = 10;

    /// <summary>The newest <paramref name="limit"/> measurements; null or a non-positive limit means <see cref="DefaultLimit"/>.</summary>
    public static IReadOnlyList<T> Trim<T>(IReadOnlyList<T> measurements, int? limit = null)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        var keep = limit is > 0 ? limit.Value : DefaultLimit;
        return measurements.Count <= keep ? measurements : measurements.Skip(measurements.Count - keep).ToArray();
    }
}
