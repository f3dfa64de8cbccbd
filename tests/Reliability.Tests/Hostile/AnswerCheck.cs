using System.Text;
using System.Text.Json;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>
/// Pure: what is wrong with the server's answer to one hostile request, or null when it is acceptable. Acceptable is a
/// 4xx with a message, or a 200 carrying a well-formed admission.k8s.io/v1 review that echoes the uid and was decided
/// (a webhook that threw answers "webhook X failed: ...", which counts as wrong here: every such path must be a 4xx).
/// </summary>
public static class AnswerCheck
{
    public static string? Problem(HostileRequest request, int status, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        if (status >= 500)
        {
            return $"HTTP {status}";
        }

        if (status is >= 400 and < 500)
        {
            return body.Length == 0 ? $"HTTP {status} without a message" : null;
        }

        if (status != 200)
        {
            return $"HTTP {status}";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (Text(root, "apiVersion") != "admission.k8s.io/v1" || Text(root, "kind") != "AdmissionReview"
                || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object)
            {
                return "200 without an admission.k8s.io/v1 AdmissionReview response";
            }

            var uid = Text(response, "uid");
            if (string.IsNullOrEmpty(uid) || (request.Uid is not null && uid != request.Uid))
            {
                return $"200 answering uid {Cut(uid)} to a request with uid {Cut(request.Uid)}";
            }

            if (!response.TryGetProperty("allowed", out var allowed) || allowed.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "200 without response.allowed";
            }

            if (allowed.ValueKind == JsonValueKind.False
                && (!response.TryGetProperty("status", out var answer) || Text(answer, "message") is not { Length: > 0 } message))
            {
                return "a denial without a message";
            }
            else if (allowed.ValueKind == JsonValueKind.False && Text(response.GetProperty("status"), "message")!.Contains(" failed: ", StringComparison.Ordinal))
            {
                return $"a handler failure: {Cut(Text(response.GetProperty("status"), "message"))}";
            }

            return null;
        }
        catch (JsonException e)
        {
            return $"200 whose body is not JSON: {e.Message} ({Cut(Encoding.UTF8.GetString(body))})";
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string Cut(string? value) => value is null ? "null" : value.Length <= 120 ? value : value[..120] + "...";
}
