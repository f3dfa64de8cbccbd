using Tollgate.Shared.Expressions;
using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class MetricConditionsTests
{
    public static TheoryData<string?, string?, object?, AnalysisPhase> Assessments => new()
    {
        // Both conditions
        { "result > 1", "result < 0", 5.0, AnalysisPhase.Successful },
        { "result > 1", "result < 0", -1.0, AnalysisPhase.Failed },
        { "result > 1", "result < 0", 0.5, AnalysisPhase.Inconclusive }, // neither matches
        { "result > 0", "result > 0", 1.0, AnalysisPhase.Failed }, // failure wins when both match
        { "true", "false", true, AnalysisPhase.Successful },
        { "true", "true", true, AnalysisPhase.Failed },
        { "false", "false", true, AnalysisPhase.Inconclusive },
        // Only successCondition: not met means Failed
        { "result[0] >= 0.95", null, new[] { 0.97 }, AnalysisPhase.Successful },
        { "result[0] >= 0.95", null, new[] { 0.90 }, AnalysisPhase.Failed },
        { "result[0] >= 0.95", "", new[] { 0.90 }, AnalysisPhase.Failed },
        // Only failureCondition: not met means Successful
        { null, "result[0] > 0.05", new[] { 0.01 }, AnalysisPhase.Successful },
        { null, "result[0] > 0.05", new[] { 0.5 }, AnalysisPhase.Failed },
        { "", "result[0] > 0.05", new[] { 0.5 }, AnalysisPhase.Failed },
        // No conditions: always Successful
        { null, null, 42.0, AnalysisPhase.Successful },
        { "", "", null, AnalysisPhase.Successful },
        // Evaluation errors
        { "result[0] < 0.05", null, Array.Empty<double>(), AnalysisPhase.Error },
        { "true", "result[0] > 1", null, AnalysisPhase.Error },
        { "result == 'up'", null, 1.0, AnalysisPhase.Error },
        { "result", null, 1.0, AnalysisPhase.Error }, // not a bool
        // Invalid syntax, as Argo compiles on every evaluation
        { "result >", null, 1.0, AnalysisPhase.Error },
        { "true", "nope(result)", 1.0, AnalysisPhase.Error },
    };

    [Theory]
    [MemberData(nameof(Assessments))]
    public void Assess_ConditionsAndResult_ReturnsArgoPhase(string? successCondition, string? failureCondition, object? result, AnalysisPhase expected)
    {
        var assessment = MetricConditions.Assess(successCondition, failureCondition, result);

        Assert.Equal(expected, assessment.Phase);
        Assert.Equal(expected == AnalysisPhase.Error, assessment.ErrorMessage is not null);
    }

    public static TheoryData<string?, string?, object?, string> ErrorMessages => new()
    {
        {
            "result[0] < 0.05", null, Array.Empty<double>(),
            "could not evaluate successCondition \"result[0] < 0.05\": metric result is nil or empty: no data returned from the metric provider"
        },
        {
            null, "result[0] > 1", null,
            "could not evaluate failureCondition \"result[0] > 1\": metric result is nil or empty: no data returned from the metric provider"
        },
        {
            "result == 'up'", null, 1.0,
            "could not evaluate successCondition \"result == 'up'\": invalid operation: == (mismatched types float64 and string) (1:8)"
        },
        {
            "true", "result > 1 >", 1.0,
            "invalid failureCondition \"result > 1 >\": unexpected token EOF (1:13)"
        },
    };

    [Theory]
    [MemberData(nameof(ErrorMessages))]
    public void Assess_EvaluationError_ExplainsConditionAndCause(string? successCondition, string? failureCondition, object? result, string expectedMessage)
    {
        var assessment = MetricConditions.Assess(successCondition, failureCondition, result);

        Assert.Equal(new MeasurementAssessment(AnalysisPhase.Error, expectedMessage), assessment);
    }

    [Theory]
    [InlineData("result <", null, "successCondition")]
    [InlineData(null, "len(", "failureCondition")]
    public void Compile_InvalidCondition_ThrowsNamingCondition(string? successCondition, string? failureCondition, string expectedConditionName)
    {
        var exception = Assert.Throws<ExpressionException>(() => MetricConditions.Compile(successCondition, failureCondition));

        Assert.StartsWith($"invalid {expectedConditionName}", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.01, AnalysisPhase.Successful)]
    [InlineData(0.07, AnalysisPhase.Inconclusive)]
    [InlineData(0.2, AnalysisPhase.Failed)]
    public void Assess_CompiledOnce_AssessesEachMeasurement(double errorRate, AnalysisPhase expected)
    {
        var conditions = MetricConditions.Compile("result[0] < 0.05", "result[0] > 0.1");

        Assert.Equal(expected, conditions.Assess(new[] { errorRate }).Phase);
    }
}
