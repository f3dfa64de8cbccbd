using Tollgate.Rollouts.Canary;
using Tollgate.Shared.Entities.Rollouts;
using CanaryStepModel = Tollgate.Shared.Entities.Rollouts.CanaryStep;

namespace Tollgate.Rollouts.Tests.Canary;

public sealed class CanaryStepConverterTests
{
    public static TheoryData<CanaryStepModel, Rollouts.Canary.CanaryStep> Cases => new()
    {
        { new CanaryStepModel { SetWeight = 10 }, new SetWeightStep(10) },
        { new CanaryStepModel { Pause = new RolloutPause { Duration = "5m" } }, new PauseStep(TimeSpan.FromMinutes(5)) },
        { new CanaryStepModel { Pause = new RolloutPause { Duration = 30 } }, new PauseStep(TimeSpan.FromSeconds(30)) },
        { new CanaryStepModel { Pause = new RolloutPause() }, new PauseStep() },
        { new CanaryStepModel { SetCanaryScale = new SetCanaryScale { Replicas = 2 } }, new SetCanaryScaleStep(Replicas: 2) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Convert_Step_PureStep(CanaryStepModel step, Rollouts.Canary.CanaryStep expected) =>
        Assert.Equal(expected, Assert.Single(CanaryStepConverter.Convert([step])));

    [Fact]
    public void Convert_Analysis_TemplateNames()
    {
        var step = new CanaryStepModel { Analysis = new RolloutAnalysis { Templates = [new AnalysisTemplateRef { TemplateName = "error-rate" }] } };

        var analysis = Assert.IsType<AnalysisStep>(Assert.Single(CanaryStepConverter.Convert([step])));

        Assert.Equal(["error-rate"], analysis.TemplateNames);
    }

    [Fact]
    public void Convert_SeedSteps_SevenSteps()
    {
        CanaryStepModel[] seed =
        [
            new() { SetWeight = 10 }, new() { Pause = new RolloutPause { Duration = "5m" } },
            new() { SetWeight = 30 }, new() { Pause = new RolloutPause { Duration = "5m" } },
            new() { SetWeight = 50 }, new() { Pause = new RolloutPause { Duration = "5m" } },
            new() { SetWeight = 100 },
        ];

        Assert.Equal(7, CanaryStepConverter.Convert(seed).Count);
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-1)]
    public void Convert_WeightOutOfRange_FormatExceptionNamingTheStep(int weight) =>
        Assert.Contains("steps[0]", Assert.Throws<FormatException>(() => CanaryStepConverter.Convert([new CanaryStepModel { SetWeight = weight }])).Message, StringComparison.Ordinal);

    [Fact]
    public void Convert_EmptyStep_FormatException() =>
        Assert.Throws<FormatException>(() => CanaryStepConverter.Convert([new CanaryStepModel()]));

    [Fact]
    public void Convert_BadDuration_FormatException() =>
        Assert.Throws<FormatException>(() => CanaryStepConverter.Convert([new CanaryStepModel { Pause = new RolloutPause { Duration = "5 minutes" } }]));
}
