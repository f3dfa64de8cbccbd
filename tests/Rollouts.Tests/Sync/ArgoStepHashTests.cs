using System.Text;
using System.Text.Json;
using Tollgate.Rollouts.Sync;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Sync;

/// <summary>
/// The expected hashes were computed by Go's encoding/json and hash/fnv over structs with Argo Rollouts' field order
/// and json tags (v1alpha1.CanaryStep and what it holds), the way conditions.ComputeStepHash does.
/// </summary>
public sealed class ArgoStepHashTests
{
    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    [Fact]
    public void Compute_WeightAndIndefinitePause_MatchesGo() =>
        Assert.Equal("54649b9f5c", ArgoStepHash.Compute([new CanaryStep { SetWeight = 20 }, new CanaryStep { Pause = new RolloutPause() }]));

    [Fact]
    public void Compute_EveryFieldKind_MatchesGo()
    {
        CanaryStep[] steps =
        [
            new() { SetWeight = 10 },
            new() { Pause = new RolloutPause { Duration = "30s" } },
            new() { Pause = new RolloutPause { Duration = 10 } },
            new()
            {
                Analysis = new RolloutAnalysis
                {
                    // Fields in another order than Go's, and an unknown field Go's decoder drops.
                    MeasurementRetention = [new Shared.Entities.Rollouts.MeasurementRetention { MetricName = "error-rate", Limit = 5 }],
                    DryRun = [new DryRun { MetricName = "error-rate" }],
                    Args =
                    [
                        new AnalysisRunArgument { Name = "query", Value = "rate<1 && x>2\n" },
                        new AnalysisRunArgument { Name = "hash", ValueFrom = new ArgumentValueFrom { PodTemplateHashValue = "Latest" } },
                        new AnalysisRunArgument { Name = "app", ValueFrom = new ArgumentValueFrom { FieldRef = new FieldRef { FieldPath = "metadata.labels['app']" } } },
                    ],
                    Templates = [new AnalysisTemplateRef { TemplateName = "success-rate", ClusterScope = false }],
                    AnalysisRunMetadata = Json("""{"labels":{"z":"1","a":"é"}}"""),
                    AdditionalProperties = new Dictionary<string, JsonElement> { ["unknown"] = Json("1") },
                },
            },
            new() { SetCanaryScale = new SetCanaryScale { Weight = 40, MatchTrafficWeight = false } },
        ];

        Assert.Equal("77454db7fd", ArgoStepHash.Compute(steps));
    }

    [Fact]
    public void Compute_NoSteps_MatchesGo() => Assert.Equal("5f8cb5778f", ArgoStepHash.Compute([]));

    [Fact]
    public void Compute_OpaqueStep_Unknown() =>
        Assert.Null(ArgoStepHash.Compute([new CanaryStep { SetWeight = 10 }, new CanaryStep { Experiment = Json("""{"templates":[]}""") }]));

    [Theory]
    [InlineData("a\"b\\c", "\"a\\\"b\\\\c\"")]
    [InlineData("<&>", "\"\\u003c\\u0026\\u003e\"")]
    [InlineData("\u0001\u2028é", "\"\\u0001\\u2028é\"")]
    public void GoString_EscapesAsGo(string value, string expected)
    {
        var text = new StringBuilder();
        ArgoStepHash.GoString(value, text);
        Assert.Equal(expected, text.ToString());
    }
}
