using System.Text.Json;
using Tollgate.Rollouts.Analysis;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Providers;

/// <summary>
/// Substitutes {{args.x}} in every string of a metric's provider section, as Argo does by templating the metric's JSON:
/// values are JSON-escaped first, so quotes and newlines in an argument cannot break the document.
/// </summary>
public static class ProviderArguments
{
    /// <exception cref="FormatException">A placeholder names an argument that has no value.</exception>
    public static MetricProvider Substitute(MetricProvider provider, IReadOnlyDictionary<string, string?> arguments)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(arguments);
        var escaped = arguments.ToDictionary(a => a.Key, a => a.Value is null ? null : Escape(a.Value), StringComparer.Ordinal);
        var json = JsonSerializer.Serialize(provider, RolloutsJsonContext.Default.MetricProvider);
        var substituted = ArgumentSubstitution.Substitute(json, escaped);
        try
        {
            return JsonSerializer.Deserialize(substituted, RolloutsJsonContext.Default.MetricProvider)
                ?? throw new FormatException("the metric's provider is empty after substituting arguments");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"the metric's provider is not valid after substituting arguments: {exception.Message}", exception);
        }
    }

    private static string Escape(string value)
    {
        var quoted = JsonSerializer.Serialize(value, RolloutsJsonContext.Default.String);
        return quoted[1..^1];
    }
}
