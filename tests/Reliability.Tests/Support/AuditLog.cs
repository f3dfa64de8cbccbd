using System.Globalization;
using System.Text.Json;

namespace Tollgate.Reliability.Tests.Support;

/// <summary>Reads the test control plane's audit log (audit.k8s.io/v1 events, one per line, ResponseComplete stage).</summary>
public static class AuditLog
{
    public static IReadOnlyList<AuditEvent> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var events = new List<AuditEvent>();
        while (reader.ReadLine() is { } line)
        {
            if (Parse(line) is { } parsed)
            {
                events.Add(parsed);
            }
        }

        return events;
    }

    /// <summary>One line; null for a line that is not a completed request (or is cut short by a write in progress).</summary>
    public static AuditEvent? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.GetProperty("stage").GetString() != "ResponseComplete")
            {
                return null;
            }

            var objectRef = root.TryGetProperty("objectRef", out var reference) ? reference : default;
            string? Field(string name) => objectRef.ValueKind == JsonValueKind.Object && objectRef.TryGetProperty(name, out var value) ? value.GetString() : null;
            var groups = root.GetProperty("user").TryGetProperty("groups", out var list) ? list.EnumerateArray().Select(g => g.GetString() ?? "").ToList() : [];
            var subresource = Field("subresource");
            return new AuditEvent(
                DateTimeOffset.Parse(root.GetProperty("requestReceivedTimestamp").GetString()!, CultureInfo.InvariantCulture),
                root.GetProperty("verb").GetString() ?? "",
                Field("resource") + (subresource is null ? "" : "/" + subresource),
                Field("namespace"),
                Field("name"),
                groups,
                root.TryGetProperty("responseStatus", out var status) && status.TryGetProperty("code", out var code) ? code.GetInt32() : 0);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (KeyNotFoundException)
        {
            return null;
        }
    }
}
