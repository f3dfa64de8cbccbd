using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers;

/// <summary>One kind of metric provider (prometheus, web); the analysis controller dispatches through <see cref="MetricProviders"/>.</summary>
public interface IMetricProvider
{
    /// <summary>The provider's key under metric.provider, such as "prometheus".</summary>
    string Name { get; }

    /// <summary>Whether this provider's section of <paramref name="provider"/> is set.</summary>
    bool Serves(Model.MetricProvider provider);

    /// <summary>Takes one measurement; every {{args.x}} placeholder in <paramref name="provider"/> is already substituted.</summary>
    /// <exception cref="MetricQueryException">No result: the measurement is an Error with this message.</exception>
    Task<MetricValue> MeasureAsync(Model.MetricProvider provider, CancellationToken cancellationToken);
}
