using System.Text.Json;

namespace Tollgate.Rollouts.Analysis;

/// <summary>
/// An AnalysisRun's spec.ttlStrategy as Argo applies it: a completed run is deleted once more whole seconds than
/// secondsAfterSuccess (Successful), secondsAfterFailure (Failed) or else secondsAfterCompletion have passed since
/// status.completedAt.
/// </summary>
public static class AnalysisRunTtl
{
    /// <returns>When the run may be deleted, or null when it is kept (not completed, no TTL, no completion time).</returns>
    public static DateTimeOffset? DeleteAfter(JsonElement? ttlStrategy, AnalysisPhase phase, DateTimeOffset? completedAt)
    {
        if (!phase.IsCompleted() || completedAt is not { } completed || ttlStrategy is not { ValueKind: JsonValueKind.Object } strategy)
        {
            return null;
        }

        var seconds = phase == AnalysisPhase.Successful && Seconds(strategy, "secondsAfterSuccess") is { } success ? success
            : phase == AnalysisPhase.Failed && Seconds(strategy, "secondsAfterFailure") is { } failure ? failure
            : Seconds(strategy, "secondsAfterCompletion");
        // Argo compares whole elapsed seconds with ">": a TTL of N is exceeded from N + 1 seconds on.
        return seconds is { } ttl ? completed.AddSeconds((long)ttl + 1) : null;
    }

    private static int? Seconds(JsonElement strategy, string name) =>
        strategy.TryGetProperty(name, out var value) && value.TryGetInt32(out var seconds) ? seconds : null;
}
