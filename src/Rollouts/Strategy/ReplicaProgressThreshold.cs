using System.Text.Json;

namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// spec.strategy.canary.replicaProgressThreshold (type Pod or Percent, value): how many of the desired canary pods must
/// be available for a step to count as reached and for the canary to be promoted. Without it (or with a negative
/// value) every desired pod must be available, as in Argo.
/// </summary>
public static class ReplicaProgressThreshold
{
    public static bool IsMet(JsonElement? threshold, int specReplicas, int availableReplicas, int desired)
    {
        if (threshold is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("value", out var amountElement) || !amountElement.TryGetInt32(out var amount) || amount < 0)
        {
            return desired == specReplicas && desired <= availableReplicas;
        }

        if (value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Percent")
        {
            // Argo compares floats with an epsilon; integer arithmetic gives the same answer without one.
            return desired == 0 || availableReplicas * 100L >= (long)amount * desired;
        }

        return availableReplicas >= amount;
    }
}
