using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Webhooks.Decisions;

namespace Tollgate.Webhooks.Tests.Decisions;

public sealed class RolloutSpecValidatorTests
{
    [Theory]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    [InlineData("45", 45)]
    [InlineData("0", 0)]
    public void GoDuration_Valid_Seconds(string text, double seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("5d")]
    [InlineData("m5")]
    [InlineData("")]
    [InlineData("-5s")]
    public void GoDuration_Invalid_False(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Fact]
    public void ValidateRollout_SeedCanary_NoErrors()
    {
        var findings = RolloutSpecValidator.ValidateRollout(Rollout("""
            {"spec":{"replicas":10,"strategy":{"canary":{"steps":[{"setWeight":10},{"pause":{"duration":"5m"}},{"setWeight":30},{"pause":{"duration":300}},{"setWeight":100},{"pause":{}}]}}}}
            """));

        Assert.Empty(findings.Errors);
        Assert.Empty(findings.Templates);
    }

    [Theory]
    [InlineData("""{"setWeight":101}""", "steps[0].setWeight must be within 0..100, not 101")]
    [InlineData("""{"setWeight":-1}""", "steps[0].setWeight must be within 0..100, not -1")]
    [InlineData("""{"setCanaryScale":{"weight":200}}""", "steps[0].setCanaryScale.weight must be within 0..100, not 200")]
    [InlineData("""{"pause":{"duration":"soon"}}""", "steps[0].pause.duration 'soon' is not a duration")]
    [InlineData("""{"pause":{"duration":-3}}""", "steps[0].pause.duration must not be negative, not -3")]
    [InlineData("""{"analysis":{"templates":[{}]}}""", "steps[0].analysis.templates[0].templateName is required")]
    public void ValidateRollout_BadStep_Error(string step, string error)
    {
        var findings = RolloutSpecValidator.ValidateRollout(Rollout("""{"spec":{"strategy":{"canary":{"steps":[""" + step + "]}}}}"));

        Assert.Contains(findings.Errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void ValidateRollout_AnalysisTemplates_Referenced()
    {
        var findings = RolloutSpecValidator.ValidateRollout(Rollout("""
            {"spec":{"strategy":{"canary":{"analysis":{"templates":[{"templateName":"bg","clusterScope":true}]},"steps":[{"analysis":{"templates":[{"templateName":"rate"}]}}]}}}}
            """));

        Assert.Equal([new TemplateReference("rate", false, "spec.strategy.canary.steps[0].analysis.templates[0]"), new TemplateReference("bg", true, "spec.strategy.canary.analysis.templates[0]")], findings.Templates);
    }

    [Theory]
    [InlineData("""{"successCondition":"result[0] >= 0.95","provider":{"prometheus":{"address":"http://prometheus:9090","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"result[0] >= {{args.threshold}}","provider":{"prometheus":{"address":"{{args.address}}","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"len(result) > 0 && all(result, {# < 0.5})","interval":"1m","count":"{{args.count}}","provider":{"prometheus":{"address":"https://p.example","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"result[0] >=","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "successCondition 'result[0] >=' does not parse")]
    [InlineData("""{"failureCondition":"result[0] <> 1","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "failureCondition 'result[0] <> 1' does not parse")]
    [InlineData("""{"successCondition":"result > 0.9 ? max(result) < 1 : 'canary' in result.tags","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"result.data.{{args.field}} > 1 && result.name == '{{args.name}}'","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"let m = mean(result); m > 0.5 and (m | round()) < 3","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", null)]
    [InlineData("""{"successCondition":"result[0] >= 0.95 and","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "does not parse: unexpected token EOF (1:22)")]
    [InlineData("""{"successCondition":"{{args.threshold}} < resul","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "does not parse: unknown name resul (1:22)")]
    [InlineData("""{"successCondition":"result > 'a' + 1","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "does not parse: invalid operation: + (mismatched types string and int) (1:14)")]
    [InlineData("""{"successCondition":"result matches '(?=x)'","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "does not parse: error parsing regexp: invalid or unsupported Perl syntax: `(?=` (1:16)")]
    [InlineData("""{"provider":{"prometheus":{"address":"prometheus:9090","query":"q"}}}""", "address 'prometheus:9090' is not an http(s) URL")]
    [InlineData("""{"provider":{"prometheus":{"address":"ftp://p","query":"q"}}}""", "address 'ftp://p' is not an http(s) URL")]
    [InlineData("""{"successCondition":"result[0] < 1","provider":{"prometheus":{"query":"q"}}}""", null)]
    [InlineData("""{"provider":{"prometheus":{"address":" ","query":"q"}}}""", "address ' ' is not an http(s) URL")]
    [InlineData("""{"interval":"every minute","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "interval 'every minute' is not a duration")]
    [InlineData("""{"count":"many","provider":{"prometheus":{"address":"http://p","query":"q"}}}""", "count 'many' is not a number")]
    public void ValidateTemplate_Metric_ErrorOrNone(string metric, string? error)
    {
        var spec = JsonSerializer.Deserialize("""{"metrics":[{"name":"m",""" + metric[1..] + "]}", RolloutsJsonContext.Default.AnalysisTemplateSpec)!;

        var findings = RolloutSpecValidator.ValidateTemplate(spec);

        if (error is null)
        {
            Assert.Empty(findings.Errors);
        }
        else
        {
            Assert.Contains(findings.Errors, e => e.Contains(error, StringComparison.Ordinal));
        }
    }

    private static Rollout Rollout(string json) => JsonSerializer.Deserialize(json, RolloutsJsonContext.Default.Rollout)!;
}
