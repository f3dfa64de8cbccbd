using System.Text.Json;
using Tollgate.Rollouts.Analysis;

namespace Tollgate.Rollouts.Tests.Analysis;

public sealed class AnalysisRunTtlTests
{
    private static readonly DateTimeOffset Completed = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string?, AnalysisPhase, int?> Cases => new()
    {
        { "success uses secondsAfterSuccess", """{"secondsAfterSuccess":10,"secondsAfterCompletion":100}""", AnalysisPhase.Successful, 11 },
        { "failure uses secondsAfterFailure", """{"secondsAfterFailure":20,"secondsAfterCompletion":100}""", AnalysisPhase.Failed, 21 },
        { "error falls back to secondsAfterCompletion", """{"secondsAfterFailure":20,"secondsAfterCompletion":100}""", AnalysisPhase.Error, 101 },
        { "inconclusive falls back to secondsAfterCompletion", """{"secondsAfterSuccess":5,"secondsAfterCompletion":30}""", AnalysisPhase.Inconclusive, 31 },
        { "success without its own falls back", """{"secondsAfterCompletion":0}""", AnalysisPhase.Successful, 1 },
        { "no matching ttl keeps the run", """{"secondsAfterFailure":20}""", AnalysisPhase.Successful, null },
        { "running is never deleted", """{"secondsAfterCompletion":0}""", AnalysisPhase.Running, null },
        { "no strategy keeps the run", null, AnalysisPhase.Successful, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DeleteAfter_Strategy_AsArgo(string scenario, string? strategy, AnalysisPhase phase, int? secondsAfterCompletion)
    {
        var ttl = strategy is null ? (JsonElement?)null : JsonDocument.Parse(strategy).RootElement.Clone();

        var deleteAfter = AnalysisRunTtl.DeleteAfter(ttl, phase, Completed);

        Assert.True(deleteAfter == (secondsAfterCompletion is { } s ? Completed.AddSeconds(s) : null), scenario);
    }

    [Fact]
    public void DeleteAfter_NoCompletionTime_Kept() =>
        Assert.Null(AnalysisRunTtl.DeleteAfter(JsonDocument.Parse("""{"secondsAfterCompletion":0}""").RootElement.Clone(), AnalysisPhase.Failed, null));
}
