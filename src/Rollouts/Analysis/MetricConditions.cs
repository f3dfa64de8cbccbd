using System.Collections;
using Tollgate.Shared.Expressions;

namespace Tollgate.Rollouts.Analysis;

/// <summary>A metric's compiled successCondition and failureCondition (either may be absent).</summary>
public sealed class MetricConditions(ConditionExpression? successCondition, ConditionExpression? failureCondition)
{
    public ConditionExpression? SuccessCondition { get; } = successCondition;

    public ConditionExpression? FailureCondition { get; } = failureCondition;

    /// <summary>Compiles both conditions; null or empty means the condition is not set.</summary>
    /// <exception cref="ExpressionException">A condition is invalid; the message names which one.</exception>
    public static MetricConditions Compile(string? successCondition, string? failureCondition) =>
        new(CompileOne(successCondition, "successCondition"), CompileOne(failureCondition, "failureCondition"));

    /// <summary>
    /// Compiles and assesses in one go. As in Argo, which compiles on every evaluation, an invalid
    /// condition makes the measurement <see cref="AnalysisPhase.Error"/>.
    /// </summary>
    public static MeasurementAssessment Assess(string? successCondition, string? failureCondition, object? result)
    {
        MetricConditions conditions;
        try
        {
            conditions = Compile(successCondition, failureCondition);
        }
        catch (ExpressionException exception)
        {
            return new MeasurementAssessment(AnalysisPhase.Error, exception.Message);
        }

        return conditions.Assess(result);
    }

    /// <summary>
    /// Argo's EvaluateResult: no conditions → Successful; only success → Failed unless it holds; only
    /// failure → Successful unless it holds; both → Failed if failure holds, Successful if only success
    /// holds, Inconclusive if neither; an evaluation error → Error.
    /// </summary>
    public MeasurementAssessment Assess(object? result)
    {
        bool? succeeded;
        bool? failed;
        try
        {
            succeeded = SuccessCondition?.IsSatisfiedBy(result);
        }
        catch (ExpressionException exception)
        {
            return EvaluationError("successCondition", SuccessCondition!, result, exception);
        }

        try
        {
            failed = FailureCondition?.IsSatisfiedBy(result);
        }
        catch (ExpressionException exception)
        {
            return EvaluationError("failureCondition", FailureCondition!, result, exception);
        }

        var isFailure = failed ?? (succeeded is false);
        var isSuccess = succeeded ?? (failed is not true);
        if (isFailure)
        {
            return new MeasurementAssessment(AnalysisPhase.Failed);
        }

        return new MeasurementAssessment(isSuccess ? AnalysisPhase.Successful : AnalysisPhase.Inconclusive);
    }

    private static ConditionExpression? CompileOne(string? source, string conditionName)
    {
        if (string.IsNullOrEmpty(source))
        {
            return null;
        }

        try
        {
            return ConditionExpression.Compile(source);
        }
        catch (ExpressionException exception)
        {
            throw new ExpressionException($"invalid {conditionName} \"{source}\": {exception.Problem}", exception.Line, exception.Column) { IsCompileError = true };
        }
    }

    private static MeasurementAssessment EvaluationError(string conditionName, ConditionExpression condition, object? result, ExpressionException exception)
    {
        var reason = IsNilOrEmpty(result)
            ? "metric result is nil or empty: no data returned from the metric provider"
            : exception.Message;
        return new MeasurementAssessment(AnalysisPhase.Error, $"could not evaluate {conditionName} \"{condition.Source}\": {reason}");
    }

    private static bool IsNilOrEmpty(object? result) => result switch
    {
        null => true,
        string => false,
        IEnumerable sequence => !sequence.Cast<object?>().Any(),
        _ => false,
    };
}
