using System.Text;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// Broken answers to a Prometheus instant query, each of which must make the measurement Error (as Argo Rollouts'
/// provider and expression evaluation do), never Successful: a proxy's error page, cut or empty bodies, wrong shapes
/// and types, an error status with HTTP 200, random bytes, and the empty vector of a query whose series are missing.
/// </summary>
public static class GarbageAnswers
{
    private const string Json = "application/json";

    public static IReadOnlyList<GarbageAnswer> All { get; } =
    [
        Text("html-error-page", 200, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>"),
        Text("truncated-json", 200, Json, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0"""),
        Text("empty-body", 200, Json, ""),
        Text("json-null", 200, Json, "null"),
        Text("no-status", 200, Json, """{"data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"0"]}]}}"""),
        Text("no-data", 200, Json, """{"status":"success"}"""),
        Text("result-not-a-list", 200, Json, """{"status":"success","data":{"resultType":"vector","result":"0"}}"""),
        Text("value-not-a-number", 200, Json, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,"zero"]}]}}"""),
        Text("value-a-json-number", 200, Json, """{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000,0]}]}}"""),
        Text("unsupported-result-type", 200, Json, """{"status":"success","data":{"resultType":"string","result":[1700000000,"0"]}}"""),
        Text("error-status-with-200", 200, Json, """{"status":"error","errorType":"bad_data","error":"garbage"}"""),
        Text("server-error-500", 500, "text/plain", "internal error"),
        Text("empty-vector", 200, Json, """{"status":"success","data":{"resultType":"vector","result":[]}}"""),
        new("random-bytes", 200, Json, RandomBytes(4096)),
    ];

    private static GarbageAnswer Text(string name, int status, string contentType, string body) => new(name, status, contentType, Encoding.UTF8.GetBytes(body));

    private static byte[] RandomBytes(int count)
    {
        // Fixed, so a failure reproduces; the first byte is not '{' or '[', so it is never JSON.
        var bytes = new byte[count];
        new Random(18).NextBytes(bytes);
        bytes[0] = 0xFF;
        return bytes;
    }
}
