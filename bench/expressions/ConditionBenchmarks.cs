using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Tollgate.Shared.Expressions;

namespace Tollgate.Bench.Expressions;

/// <summary>Compiling and evaluating conditions as they appear in real AnalysisTemplates.</summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private static readonly string[] Sources =
    [
        "result[0] >= 0.95",
        "len(result) == 0 || result[0] < 0.05",
        "result > 0.9 ? max(result) < 1 : 'canary' in result.tags",
        "result.data.ok && result.data.successRate > 0.95 && len(result.items) > 0",
        "all(result, {# < 0.5}) and mean(result) < 0.2",
        "isNaN(result) || default(result, 0) >= asFloat('0.99')",
    ];

    private readonly double[] vector = [0.97, 0.5, 0.2];
    private readonly double[] hundredThousand = Enumerable.Range(0, 100_000).Select(i => (i % 1000) / 1000.0).ToArray();
    private JsonElement web;
    private ConditionExpression vectorCondition = null!;
    private ConditionExpression quantifierCondition = null!;
    private ConditionExpression webCondition = null!;
    private ConditionExpression maxCondition = null!;

    [GlobalSetup]
    public void Setup()
    {
        web = JsonDocument.Parse("""{"data":{"ok":true,"successRate":0.99},"items":[{"name":"a"},{"name":"b"}]}""").RootElement.Clone();
        vectorCondition = ConditionExpression.Compile(Sources[0]);
        quantifierCondition = ConditionExpression.Compile(Sources[4]);
        webCondition = ConditionExpression.Compile(Sources[3]);
        maxCondition = ConditionExpression.Compile("max(result) < 1 and all(result, # >= 0)");
    }

    [Benchmark(Description = "compile 6 typical conditions")]
    public int CompileTypical()
    {
        var compiled = 0;
        foreach (var source in Sources)
        {
            compiled += ConditionExpression.Compile(source).Source.Length;
        }

        return compiled;
    }

    [Benchmark(Description = "result[0] >= 0.95 on a 3-sample vector")]
    public bool EvaluateIndex() => vectorCondition.IsSatisfiedBy(vector);

    [Benchmark(Description = "all(...) and mean(...) on a 3-sample vector")]
    public bool EvaluateQuantifier() => quantifierCondition.IsSatisfiedBy(vector);

    [Benchmark(Description = "member access on a web JSON result")]
    public bool EvaluateWeb() => webCondition.IsSatisfiedBy(web);

    [Benchmark(Description = "compile + evaluate (Argo compiles per measurement)")]
    public bool CompileAndEvaluate() => ConditionExpression.Compile(Sources[1]).IsSatisfiedBy(vector);

    [Benchmark(Description = "max(...) and all(...) on 100,000 samples")]
    public bool EvaluateHundredThousand() => maxCondition.IsSatisfiedBy(hundredThousand);
}
