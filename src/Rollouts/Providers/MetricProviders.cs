using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers;

/// <summary>Picks the provider a metric names and measures through it.</summary>
public sealed class MetricProviders(IEnumerable<IMetricProvider> providers)
{
    /// <summary>The most of a measured value kept in status.</summary>
    public const int MaxValueTextLength = 4096;

    private readonly IReadOnlyList<IMetricProvider> all = [.. providers];

    /// <summary>The keys of the providers Tollgate runs, in the order messages list them.</summary>
    public IReadOnlyList<string> Names => [.. all.Select(p => p.Name)];

    /// <exception cref="MetricQueryException">No supported provider is set, or the provider produced no result.</exception>
    /// <exception cref="FormatException">An {{args.x}} placeholder has no value.</exception>
    public async Task<MetricValue> MeasureAsync(Model.MetricProvider provider, IReadOnlyDictionary<string, string?> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var chosen = all.FirstOrDefault(p => p.Serves(provider))
            ?? throw new MetricQueryException($"the metric sets no supported provider; Tollgate supports {string.Join(", ", Names)}");
        var value = await chosen.MeasureAsync(ProviderArguments.Substitute(provider, arguments), cancellationToken);
        return value with { Text = Shorten(value.Text) };
    }

    /// <summary>
    /// Caps measurement.value: Argo stores it whole, but ten measurements of a 1 MiB body would outgrow the AnalysisRun's
    /// size limit and its status could no longer be written.
    /// </summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= MaxValueTextLength ? text : $"{text[..MaxValueTextLength]}... ({text.Length} characters, shortened)";
    }
}
