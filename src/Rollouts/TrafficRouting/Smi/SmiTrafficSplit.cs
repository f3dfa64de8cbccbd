using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.TrafficRouting.Smi;

/// <summary>Pure: the TrafficSplit Argo writes (split.smi-spec.io/v1alpha1, its default), canary first, then stable.</summary>
public static class SmiTrafficSplit
{
    public static string Name(string rolloutName, SmiTrafficRouting smi) =>
        smi?.TrafficSplitName is { Length: > 0 } name ? name : rolloutName;

    /// <summary>The desired spec; v1alpha1 weights are quantities, written as strings as Go writes a resource.Quantity.</summary>
    public static JsonObject Spec(SmiTrafficRouting smi, string stableService, string canaryService, int weight)
    {
        ArgumentNullException.ThrowIfNull(smi);
        return new JsonObject
        {
            ["service"] = smi.RootService is { Length: > 0 } root ? root : stableService,
            ["backends"] = new JsonArray(
                Backend(canaryService, weight),
                Backend(stableService, 100 - weight)),
        };
    }

    private static JsonObject Backend(string service, int weight) =>
        new() { ["service"] = service, ["weight"] = weight.ToString(CultureInfo.InvariantCulture) };
}
