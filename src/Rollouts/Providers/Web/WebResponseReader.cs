using System.Text;

namespace Tollgate.Rollouts.Providers.Web;

/// <summary>
/// Turns a web metric's answer into its result as Argo's parseResponse does: a JSON body gives the value jsonPath selects;
/// a body that is not JSON is itself the result, as a string, for the conditions to judge.
/// </summary>
public static class WebResponseReader
{
    /// <exception cref="MetricQueryException">jsonPath matched nothing or failed on this document.</exception>
    public static MetricValue Read(byte[] body, JsonPathTemplate jsonPath)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(jsonPath);
        if (!JsonValues.TryParse(body, out var document))
        {
            var text = Encoding.UTF8.GetString(body);
            return new MetricValue(text, text);
        }

        object? value;
        try
        {
            value = jsonPath.FirstValue(document);
        }
        catch (FormatException exception) when (exception.Message == "result of web metric produced no value")
        {
            throw new MetricQueryException(exception.Message, exception);
        }
        catch (FormatException exception)
        {
            throw new MetricQueryException($"Could not find JSONPath in body: {exception.Message}", exception);
        }

        return new MetricValue(value, JsonValues.Marshal(value));
    }
}
