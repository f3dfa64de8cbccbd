namespace Tollgate.Rollouts.Canary;

internal static class Guard
{
    public static int NonNegative(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }

    public static int? NonNegative(int? value, string name) => value is { } present ? NonNegative(present, name) : null;

    public static int Weight(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, CanaryReplicaMath.MaxWeight, name);
        return value;
    }

    public static int? Weight(int? value, string name) => value is { } present ? Weight(present, name) : null;
}
