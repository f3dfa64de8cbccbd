using System.Globalization;

namespace Tollgate.Rollouts.Canary;

/// <summary>Short human text for a step, as events and the kubectl plugin show it.</summary>
public static class StepDescriptions
{
    public static string Describe(CanaryStep step) => step switch
    {
        SetWeightStep weight => $"setWeight: {weight.Weight.ToString(CultureInfo.InvariantCulture)}",
        PauseStep { Duration: { } duration } => $"pause: {FormatDuration(duration)}",
        PauseStep => "pause: until promoted",
        AnalysisStep analysis => $"analysis: {string.Join(", ", analysis.TemplateNames)}",
        SetCanaryScaleStep { MatchTrafficWeight: true } => "setCanaryScale: matchTrafficWeight",
        SetCanaryScaleStep { Replicas: { } replicas } => $"setCanaryScale: {replicas.ToString(CultureInfo.InvariantCulture)} replicas",
        SetCanaryScaleStep scale => $"setCanaryScale: weight {scale.Weight?.ToString(CultureInfo.InvariantCulture)}",
        SetHeaderRouteStep header => $"setHeaderRoute: {header.Route.Name}",
        SetMirrorRouteStep mirror => $"setMirrorRoute: {mirror.Route.Name}",
        _ => step.GetType().Name,
    };

    public static string FormatDuration(TimeSpan duration) =>
        duration.TotalSeconds < 60 || duration.TotalSeconds % 60 != 0
            ? $"{duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s"
            : duration.TotalMinutes % 60 != 0
                ? $"{duration.TotalMinutes.ToString(CultureInfo.InvariantCulture)}m"
                : $"{duration.TotalHours.ToString(CultureInfo.InvariantCulture)}h";
}
