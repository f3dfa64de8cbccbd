using Tollgate.Shared.Kube;
using Model = Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Canary;

/// <summary>Turns the Rollout's spec.strategy.canary.steps into the step machine's steps.</summary>
public static class CanaryStepConverter
{
    /// <exception cref="FormatException">A step sets none or an unsupported field, or its values are invalid.</exception>
    public static IReadOnlyList<CanaryStep> Convert(IList<Model.CanaryStep>? steps)
    {
        var converted = new List<CanaryStep>(steps?.Count ?? 0);
        for (var index = 0; index < (steps?.Count ?? 0); index++)
        {
            converted.Add(ConvertOne(steps![index], index));
        }

        return converted;
    }

    private static CanaryStep ConvertOne(Model.CanaryStep step, int index)
    {
        try
        {
            if (step.SetWeight is { } weight)
            {
                return new SetWeightStep(weight);
            }

            if (step.Pause is { } pause)
            {
                return new PauseStep(pause.Duration is { } duration ? ParseDuration(duration) : null);
            }

            if (step.Analysis is { } analysis)
            {
                return new AnalysisStep([.. (analysis.Templates ?? []).Select(t => t.TemplateName ?? "")]);
            }

            if (step.SetCanaryScale is { } scale)
            {
                return new SetCanaryScaleStep(scale.Replicas, scale.Weight, scale.MatchTrafficWeight ?? false);
            }

            if (step.SetHeaderRoute is { } headerRoute)
            {
                return new SetHeaderRouteStep(headerRoute);
            }

            if (step.SetMirrorRoute is { } mirrorRoute)
            {
                return new SetMirrorRouteStep(mirrorRoute);
            }
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new FormatException($"steps[{index}]: {exception.Message}", exception);
        }
        catch (FormatException exception)
        {
            throw new FormatException($"steps[{index}]: {exception.Message}", exception);
        }

        throw new FormatException($"steps[{index}]: expected one of setWeight, pause, analysis, setCanaryScale, setHeaderRoute or setMirrorRoute (experiment and plugin steps are not supported)");
    }

    private static TimeSpan ParseDuration(IntOrString duration) =>
        duration.IsString ? PauseDuration.Parse(duration.StringValue!) : PauseDuration.FromSeconds(duration.IntValue);
}
