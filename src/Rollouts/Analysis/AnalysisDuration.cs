using Tollgate.Shared.Durations;

namespace Tollgate.Rollouts.Analysis;

/// <summary>An analysis interval or initialDelay: Go's duration grammar, as Argo's DurationString (<see cref="GoDuration"/>).</summary>
public static class AnalysisDuration
{
    /// <exception cref="FormatException">Not a Go duration.</exception>
    public static TimeSpan Parse(string text) => GoDuration.Parse(text).ToTimeSpan();
}
