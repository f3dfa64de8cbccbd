using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

/// <summary>Test-table shorthand for phase sequences: "S,F,E,I,R,P" (empty string = none).</summary>
internal static class PhaseText
{
    public static AnalysisPhase[] Parse(string text) =>
        text.Length == 0 ? [] : text.Split(',').Select(ParseOne).ToArray();

    public static AnalysisPhase ParseOne(string letter) => letter switch
    {
        "S" => AnalysisPhase.Successful,
        "F" => AnalysisPhase.Failed,
        "E" => AnalysisPhase.Error,
        "I" => AnalysisPhase.Inconclusive,
        "R" => AnalysisPhase.Running,
        "P" => AnalysisPhase.Pending,
        _ => throw new ArgumentException($"unknown phase letter '{letter}'", nameof(letter)),
    };
}
