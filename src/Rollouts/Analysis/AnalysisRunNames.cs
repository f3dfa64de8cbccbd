using System.Globalization;

namespace Tollgate.Rollouts.Analysis;

/// <summary>Deterministic AnalysisRun names, so a restarted controller finds the run it created instead of adding one.</summary>
public static class AnalysisRunNames
{
    private const int MaxNameLength = 253;

    public static string ForStep(string rolloutName, string podTemplateHash, int stepIndex)
    {
        ArgumentException.ThrowIfNullOrEmpty(rolloutName);
        ArgumentException.ThrowIfNullOrEmpty(podTemplateHash);
        ArgumentOutOfRangeException.ThrowIfNegative(stepIndex);
        var suffix = $"-{podTemplateHash}-{stepIndex.ToString(CultureInfo.InvariantCulture)}";
        var prefix = rolloutName.Length + suffix.Length > MaxNameLength ? rolloutName[..(MaxNameLength - suffix.Length)] : rolloutName;
        return prefix + suffix;
    }

    public static string ForReplicaSet(string rolloutName, string podTemplateHash) => $"{rolloutName}-{podTemplateHash}";

    public static string ForBackground(string rolloutName, string podTemplateHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(rolloutName);
        ArgumentException.ThrowIfNullOrEmpty(podTemplateHash);
        var suffix = $"-{podTemplateHash}-background";
        var prefix = rolloutName.Length + suffix.Length > MaxNameLength ? rolloutName[..(MaxNameLength - suffix.Length)] : rolloutName;
        return prefix + suffix;
    }
}
