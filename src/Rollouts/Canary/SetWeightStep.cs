namespace Tollgate.Rollouts.Canary;

/// <summary>setWeight: the percentage of pods (no traffic router: of replicas) that should run the canary.</summary>
public sealed record SetWeightStep(int Weight) : CanaryStep
{
    public int Weight
    {
        get;
        init => field = Guard.Weight(value, nameof(Weight));
    } = Guard.Weight(Weight, nameof(Weight));
}
