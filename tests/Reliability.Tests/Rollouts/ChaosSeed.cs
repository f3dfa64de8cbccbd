using System.Globalization;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>The random seed of a chaos run: TOLLGATE_CHAOS_SEED to replay one, else a new one, always reported.</summary>
public static class ChaosSeed
{
    public const string Variable = "TOLLGATE_CHAOS_SEED";

    public static int Resolve() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
}
