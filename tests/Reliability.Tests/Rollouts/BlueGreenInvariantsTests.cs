namespace Tollgate.Reliability.Tests.Rollouts;

public sealed class BlueGreenInvariantsTests
{
    private static readonly ReplicaSetState[] Switch =
    [
        new(10, "blue", 4, 4),
        new(20, "green", 2, 0),
        new(22, "green", 2, 2),
        new(30, "green", 4, 2),
        new(35, "green", 4, 4),
        new(60, "blue", 0, 4),
        new(61, "blue", 0, 0),
    ];

    /// <summary>Service states ("rv:hash", "-" for none), armed at, and how many violations.</summary>
    public static TheoryData<string, long, int> Cases => new()
    {
        // Argo's order: switch once green is 4 of 4, scale blue down later.
        { "5:blue 40:green", 15, 0 },

        // Switched while green was 2 of 4; or while it was the 2-pod preview, complete but then scaled up under the Service.
        { "5:blue 31:green", 15, 1 },
        { "5:blue 23:green", 15, 1 },

        // Blue scaled down while still active.
        { "5:blue 65:green", 15, 2 },

        // A Service selecting nothing, or a hash no ReplicaSet ever had.
        { "5:blue 40:-", 15, 1 },
        { "5:blue 40:red", 15, 1 },

        // Before arming the history is not checked (the first deploy may point at a ReplicaSet still starting).
        { "5:green 12:blue 40:green", 15, 0 },
        { "5:green 12:blue 40:green", 11, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OfActiveService_ServiceHistoryAgainstReplicaSets_CountsViolations(string service, long armedAt, int expected)
    {
        var states = service.Split(' ').Select(s => s.Split(':')).Select(p => new ServiceState(long.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p[1] == "-" ? null : p[1])).ToList();

        var violations = BlueGreenInvariants.OfActiveService(armedAt, states, Switch);

        Assert.True(expected == violations.Count, string.Join('\n', violations));
    }
}
