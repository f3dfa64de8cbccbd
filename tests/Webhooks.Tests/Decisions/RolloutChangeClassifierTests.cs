using System.Text.Json;
using Tollgate.Webhooks.Decisions;

namespace Tollgate.Webhooks.Tests.Decisions;

public sealed class RolloutChangeClassifierTests
{
    private const string Stored = """
        {"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout","metadata":{"name":"web","resourceVersion":"1","labels":{"a":"b"}},
         "spec":{"replicas":10,"paused":true,"strategy":{"canary":{"steps":[{"setWeight":10}]}}},
         "status":{"abort":false,"pauseConditions":[{"reason":"CanaryPauseStep","startTime":"2026-01-01T00:00:00Z"}]}}
        """;

    [Theory]
    [InlineData("""{"spec":{"paused":false}}""", "promote|resume", false)]
    [InlineData("""{"spec":{"paused":null}}""", "promote|resume", false)]
    [InlineData("""{"spec":{"restartAt":"2030-01-01T00:00:00Z"}}""", "restart", false)]
    [InlineData("""{"status":{"abort":true}}""", "abort", false)]
    [InlineData("""{"status":{"promoteFull":true}}""", "promote", false)]
    [InlineData("""{"status":{"pauseConditions":null}}""", "promote|resume", false)]
    [InlineData("""{"metadata":{"resourceVersion":"2"},"spec":{"paused":false}}""", "promote|resume", false)]
    [InlineData("""{"spec":{"replicas":20}}""", "", true)]
    [InlineData("""{"spec":{"paused":false,"replicas":20}}""", "promote|resume", true)]
    [InlineData("""{"metadata":{"labels":{"a":"c"}},"spec":{"paused":false}}""", "promote|resume", true)]
    public void Classify_MergePatch_ActionsAndOtherChanges(string patch, string actions, bool otherChanges)
    {
        var change = RolloutChangeClassifier.Classify(Parse(Stored), Parse(Merge(Stored, patch)));

        Assert.Equal(actions, string.Join(",", change.Actions.Select(a => string.Join("|", a))));
        Assert.Equal(otherChanges, change.OtherChanges);
    }

    [Fact]
    public void Classify_PausedFromRunning_Pause()
    {
        var running = Merge(Stored, """{"spec":{"paused":false}}""");

        var change = RolloutChangeClassifier.Classify(Parse(running), Parse(Stored));

        Assert.Equal(["pause"], change.Actions.Single());
    }

    [Fact]
    public void IsOperationOnly_ApplicationSyncPatch_True()
    {
        const string application = """{"metadata":{"name":"web-app","resourceVersion":"5"},"spec":{"project":"production"}}""";

        Assert.True(JsonComparison.IsOperationOnly(Parse(application), Parse(Merge(application, """{"metadata":{"resourceVersion":"6"},"operation":{"sync":{}}}"""))));
        Assert.False(JsonComparison.IsOperationOnly(Parse(application), Parse(Merge(application, """{"operation":{"sync":{}},"spec":{"project":"x"}}"""))));
        Assert.False(JsonComparison.IsOperationOnly(Parse(application), Parse(Merge(application, """{"metadata":{"labels":{"x":"y"}},"operation":{"sync":{}}}"""))));
        Assert.False(JsonComparison.IsOperationOnly(Parse(application), Parse(application)));
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>RFC 7386 merge patch, enough for the table.</summary>
    private static string Merge(string target, string patch)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(target)!.AsObject();
        MergeInto(node, System.Text.Json.Nodes.JsonNode.Parse(patch)!.AsObject());
        return node.ToJsonString();
    }

    private static void MergeInto(System.Text.Json.Nodes.JsonObject target, System.Text.Json.Nodes.JsonObject patch)
    {
        foreach (var (key, value) in patch.ToList())
        {
            if (value is null)
            {
                target.Remove(key);
            }
            else if (value is System.Text.Json.Nodes.JsonObject child && target[key] is System.Text.Json.Nodes.JsonObject existing)
            {
                MergeInto(existing, child);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
