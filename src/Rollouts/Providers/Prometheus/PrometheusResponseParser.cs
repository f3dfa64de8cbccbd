using System.Globalization;
using System.Text;
using System.Text.Json;

using Tollgate.Shared.Formatting;
namespace Tollgate.Rollouts.Providers.Prometheus;

/// <summary>
/// Reads the body of Prometheus' /api/v1/query or query_range as Argo passes it on: a scalar becomes a double; a vector a
/// list of doubles in the order Prometheus gives the series; a matrix every sample of every series, series after series.
/// Values are shown in Go's shortest fixed format; warnings go to the measurement's metadata.
/// </summary>
public static class PrometheusResponseParser
{
    /// <exception cref="FormatException">The body is not a successful query response, or its result type is not supported.</exception>
    public static MetricValue Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var status = Text(root, "status");
            if (status != "success")
            {
                throw new FormatException(status == "error"
                    ? $"prometheus query failed: {Text(root, "errorType")}: {Text(root, "error")}".Trim()
                    : $"prometheus response is not a query result: {(status is null ? "it has no status" : $"status \"{status}\"")}");
            }

            var data = root.GetProperty("data");
            var resultType = Text(data, "resultType");
            var result = data.GetProperty("result");
            var value = resultType switch
            {
                "scalar" => Scalar(SampleValue(result)),
                "vector" => List(result.EnumerateArray().Select(series => SampleValue(series.GetProperty("value")))),
                "matrix" => List(result.EnumerateArray().SelectMany(series => series.GetProperty("values").EnumerateArray().Select(SampleValue))),
                _ => throw new FormatException("Prometheus metric type not supported"),
            };
            return Warnings(root) is { } warnings ? value with { Metadata = new Dictionary<string, string> { ["warnings"] = warnings } } : value;
        }
        catch (JsonException exception)
        {
            throw new FormatException($"prometheus response is not valid JSON: {exception.Message}", exception);
        }
        catch (KeyNotFoundException exception)
        {
            throw new FormatException($"prometheus response lacks a field: {exception.Message}", exception);
        }
        catch (InvalidOperationException exception)
        {
            throw new FormatException($"prometheus response has an unexpected shape: {exception.Message}", exception);
        }
    }

    private static MetricValue Scalar(double value) => new(value, GoFloat.Fixed(value));

    private static MetricValue List(IEnumerable<double> values)
    {
        var array = values.ToArray();
        var text = new StringBuilder("[");
        text.AppendJoin(",", array.Select(GoFloat.Fixed)).Append(']');
        return new MetricValue(array, text.ToString());
    }

    private static string? Warnings(JsonElement root) =>
        root.TryGetProperty("warnings", out var warnings) && warnings.ValueKind == JsonValueKind.Array && warnings.GetArrayLength() > 0
            ? string.Join(", ", warnings.EnumerateArray().Select(w => $"\"{w.GetString()}\""))
            : null;

    private static double SampleValue(JsonElement sample)
    {
        // A sample is [unixTime, "value"]; the value is a string so that NaN and ±Inf survive JSON.
        var text = sample[1].GetString() ?? throw new FormatException("prometheus sample has no value");
        return text switch
        {
            "NaN" => double.NaN,
            "+Inf" or "Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
