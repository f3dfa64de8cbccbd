using System.Text.Json;

namespace Tollgate.Shared.Tests.Expressions;

/// <summary>Named metric results the table tests evaluate against, shaped as the providers hand them over.</summary>
internal static class ExpressionResults
{
    private const string WebJson = """
        {"data":{"ok":true,"successRate":0.99,"count":3,"name":"api","tags":["canary","v2"]},
         "items":[{"name":"a","latency":120,"ok":true},{"name":"b","latency":340,"ok":false}],
         "missing":null}
        """;

    private const string HealthJson = """
        {"status":"ok","checks":{"database":{"latencyMs":120}},"rps":5,"errors":0,
         "shards":[{"healthy":true,"lag":3},{"healthy":true,"lag":0},{"healthy":true,"lag":12}]}
        """;

    public static object? Get(string name) => name switch
    {
        "nil" => null,
        "scalar" => 0.97,
        "int" => 5,
        "long" => 7L,
        "true" => true,
        "vector" => new[] { 0.5, 0.97, 0.2 },
        "empty" => Array.Empty<double>(),
        "nan" => double.NaN,
        "nanvector" => new[] { double.NaN, 1.0 },
        "health" => JsonDocument.Parse(HealthJson).RootElement.Clone(),
        "inf" => double.PositiveInfinity,
        "str" => "OK",
        "numstr" => "42",
        "web" => JsonDocument.Parse(WebJson).RootElement.Clone(),
        "webarray" => JsonDocument.Parse("[1, 2.5, 3]").RootElement.Clone(),
        "webnumber" => JsonDocument.Parse("200").RootElement.Clone(),
        "list" => new List<object?> { 1, 2.5, "x", true, null },
        "dict" => new Dictionary<string, object?> { ["p99"] = 0.25, ["errors"] = 2, ["ok"] = true },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such test result"),
    };
}
