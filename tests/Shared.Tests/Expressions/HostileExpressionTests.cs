using System.Text.Json;
using Tollgate.Shared.Expressions;

namespace Tollgate.Shared.Tests.Expressions;

/// <summary>Input meant to exhaust the stack, memory or CPU ends in an ExpressionException, never a crash or a hang.</summary>
public sealed class HostileExpressionTests
{
    private static readonly double[] HundredThousandSamples = Enumerable.Range(0, 100_000).Select(i => (i % 1000) / 1000.0).ToArray();

    public static TheoryData<string, string> DeepSources => new()
    {
        { new string('(', 10_000) + "1" + new string(')', 10_000), "nested too deeply" },
        { new string('[', 10_000) + new string(']', 10_000), "nested too deeply" },
        { string.Concat(Enumerable.Repeat("-", 10_000)) + "1", "nested too deeply" },
        { string.Concat(Enumerable.Repeat("not ", 10_000)) + "true", "nested too deeply" },
        { string.Concat(Enumerable.Repeat("{a: ", 10_000)) + "1" + new string('}', 10_000), "nested too deeply" },
        { string.Concat(Enumerable.Repeat("len(", 10_000)) + "'x'" + new string(')', 10_000), "nested too deeply" },
        { "1" + string.Concat(Enumerable.Repeat(" + 1", 5_000)), "nested too deeply" },
        { "result" + string.Concat(Enumerable.Repeat(".a", 5_000)), "nested too deeply" },
        { "true" + string.Concat(Enumerable.Repeat(" ? 1 : 2", 3_000)), "nested too deeply" },
        { "[" + string.Join(", ", Enumerable.Repeat("1", 20_000)) + "]", "exceeds maximum allowed nodes" },
        { new string(' ', ConditionExpression.MaxSourceLength) + "true", "at most 65536 are allowed" },
    };

    [Theory]
    [MemberData(nameof(DeepSources))]
    public void Compile_HugeOrDeeplyNestedSource_ThrowsClearError(string source, string expected)
    {
        var exception = Assert.Throws<ExpressionException>(() => ConditionExpression.Compile(source));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.True(exception.IsCompileError);
    }

    [Fact]
    public void Compile_NestingJustUnderTheLimit_Evaluates()
    {
        var source = new string('(', 200) + "1" + new string(')', 200) + " == 1";

        Assert.True(ConditionExpression.Compile(source).IsSatisfiedBy(null));
    }

    [Fact]
    public void Evaluate_LongChainUnderTheHeightLimit_Evaluates()
    {
        var source = "0" + string.Concat(Enumerable.Repeat(" + 1", 900));

        Assert.Equal(900L, ConditionExpression.Compile(source).Evaluate(null));
    }

    [Theory]
    [InlineData("1..1000000000")]
    [InlineData("len(1..600000) + len(1..600000)")]
    [InlineData("repeat('ab', 1000001)")]
    [InlineData("map(1..900000, # * 2) | len()")]
    public void Evaluate_AllocatingTooMuch_ThrowsMemoryBudgetExceeded(string source)
    {
        var exception = Assert.Throws<ExpressionException>(() => ConditionExpression.Compile(source).Evaluate(null));

        Assert.Contains("memory budget exceeded", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_QuadraticWorkOnHundredThousandSamples_StopsAtStepCap()
    {
        var condition = ConditionExpression.Compile("all(result, {let x = #; none(result, # > x + 2)})");

        var exception = Assert.Throws<ExpressionException>(() => condition.IsSatisfiedBy(HundredThousandSamples));

        Assert.Contains("evaluation exceeded 20,000,000 steps", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max(result) < 1", true)]
    [InlineData("min(result) == 0", true)]
    [InlineData("all(result, # < 1)", true)]
    [InlineData("any(result, # > 0.998)", true)]
    [InlineData("len(filter(result, # >= 0.5)) == 50000", true)]
    [InlineData("count(result, # == 0) == 100", true)]
    [InlineData("mean(result) < 0.5", true)]
    [InlineData("median(result) == 0.4995", true)]
    [InlineData("sum(result) > 49000", true)]
    [InlineData("sort(result)[-1] == 0.999", true)]
    [InlineData("0.5 in result", true)]
    [InlineData("len(result[1000:2000]) == 1000", true)]
    [InlineData("reduce(result, #acc + #, 0) > 49000", true)]
    public void IsSatisfiedBy_HundredThousandSamples_Evaluates(string source, bool expected)
    {
        Assert.Equal(expected, ConditionExpression.Compile(source).IsSatisfiedBy(HundredThousandSamples));
    }

    [Theory]
    [InlineData("(a+)+$")]
    [InlineData("(a|aa)+$")]
    [InlineData("(a*)*b")]
    [InlineData("^(([a-z])+.)+[A-Z]([a-z])+$")]
    public void IsSatisfiedBy_CatastrophicBacktrackingPattern_AnswersWithoutBacktracking(string pattern)
    {
        var input = new string('a', 50_000) + "!";
        var condition = ConditionExpression.Compile($"result matches '{pattern}'");

        Assert.False(condition.IsSatisfiedBy(input));
    }

    [Theory]
    [InlineData("(a)\\\\1", "invalid escape sequence: `\\1`")]
    [InlineData("a(?=b)", "invalid or unsupported Perl syntax: `(?=`")]
    [InlineData("(?<!a)b", "invalid or unsupported Perl syntax: `(?<`")]
    [InlineData("a{2000}", "invalid repeat count")]
    [InlineData("(?U)a+", "ungreedy flag (?U) is not supported")]
    public void Compile_PatternRe2Rejects_ThrowsWithPosition(string pattern, string expected)
    {
        var exception = Assert.Throws<ExpressionException>(() => ConditionExpression.Compile($"result matches '{pattern}'"));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, exception.Line);
        Assert.Equal(16, exception.Column);
    }

    [Fact]
    public void Evaluate_DeeplyNestedJsonResult_ThrowsInsteadOfOverflowing()
    {
        var depth = 100_000;
        var json = new string('[', depth) + new string(']', depth);
        var condition = ConditionExpression.Compile("fromJSON(result) != nil");

        var exception = Assert.Throws<ExpressionException>(() => condition.IsSatisfiedBy(json));

        Assert.Contains("invalid JSON", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DeeplyNestedJsonElement_Evaluates()
    {
        using var document = JsonDocument.Parse(new string('[', 60) + "1" + new string(']', 60));

        Assert.Equal(60L, ConditionExpression.Compile("len(toJSON(result)) > 0 ? 60 : 0").Evaluate(document.RootElement));
    }
}
