using System.Text.Json;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Entities.Rollouts.Validation;

namespace Tollgate.Shared.Tests.Entities.Rollouts.Validation;

public sealed class AnalysisTemplateValidatorTests
{
    private const string Prometheus = """ "provider":{"prometheus":{"address":"http://p","query":"q"}}""";

    public static TheoryData<string, string?> MetricRows => new()
    {
        { """{"successCondition":"result[0] >= 0.95","provider":{"prometheus":{"address":"http://prometheus:9090","query":"q"}}}""", null },
        { """{"successCondition":"result[0] >= {{args.threshold}}","provider":{"prometheus":{"address":"{{args.address}}","query":"q"}}}""", null },
        { """{"successCondition":"len(result) > 0","interval":"1m","count":"{{args.count}}","provider":{"prometheus":{"address":"https://p.example","query":"q"}}}""", null },
        { """{"successCondition":"result[0] < 1","provider":{"prometheus":{"query":"q"}}}""", null },
        { """{"interval":"1.5m","initialDelay":"1h30m",""" + Prometheus + "}", null },
        { """{"interval":"500ms","initialDelay":"0",""" + Prometheus + "}", null },
        { """{"interval":"{{args.interval}}",""" + Prometheus + "}", null },
        { """{"successCondition":"result[0] >=",""" + Prometheus + "}", "spec.metrics[0].successCondition: \"result[0] >=\" does not parse" },
        { """{"failureCondition":"result[0] <> 1",""" + Prometheus + "}", "spec.metrics[0].failureCondition: \"result[0] <> 1\" does not parse" },
        { """{"successCondition":"result > 0.9 ? max(result) < 1 : 'canary' in result.tags",""" + Prometheus + "}", null },
        { """{"successCondition":"result.data.{{args.field}} > 1 && result.name == '{{args.name}}'",""" + Prometheus + "}", null },
        { """{"successCondition":"let m = mean(result); m > 0.5 and (m | round()) < 3",""" + Prometheus + "}", null },
        { """{"successCondition":"result[0] >= 0.95 and",""" + Prometheus + "}", "spec.metrics[0].successCondition: \"result[0] >= 0.95 and\" does not parse: unexpected token EOF (1:22)" },
        { """{"successCondition":"{{args.threshold}} < resul",""" + Prometheus + "}", "spec.metrics[0].successCondition: \"{{args.threshold}} < resul\" does not parse: unknown name resul (1:22)" },
        { """{"successCondition":"result > 'a' + 1",""" + Prometheus + "}", "spec.metrics[0].successCondition: \"result > 'a' + 1\" does not parse: invalid operation: + (mismatched types string and int) (1:14)" },
        { """{"successCondition":"result matches '(?=x)'",""" + Prometheus + "}", "spec.metrics[0].successCondition: \"result matches '(?=x)'\" does not parse: error parsing regexp: invalid or unsupported Perl syntax: `(?=` (1:16)" },
        { """{"provider":{"prometheus":{"address":"prometheus:9090","query":"q"}}}""", "spec.metrics[0].provider.prometheus.address 'prometheus:9090' is not an http(s) URL" },
        { """{"provider":{"prometheus":{"address":"ftp://p","query":"q"}}}""", "spec.metrics[0].provider.prometheus.address 'ftp://p' is not an http(s) URL" },
        { """{"provider":{"prometheus":{"address":" ","query":"q"}}}""", "spec.metrics[0].provider.prometheus.address ' ' is not an http(s) URL" },
        { """{"provider":{"prometheus":{"address":"http://p"}}}""", "spec.metrics[0].provider.prometheus.query is required" },
        { """{"interval":"every minute",""" + Prometheus + "}", "spec.metrics[0].interval: invalid duration \"every minute\"" },
        { """{"interval":"30",""" + Prometheus + "}", "spec.metrics[0].interval: missing unit in duration \"30\"" },
        { """{"initialDelay":"2d",""" + Prometheus + "}", "spec.metrics[0].initialDelay: unknown unit \"d\" in duration \"2d\"" },
        { """{"count":"many",""" + Prometheus + "}", "spec.metrics[0].count: \"many\" is not a number" },
        { """{"count":-1,""" + Prometheus + "}", "spec.metrics[0].count: must not be negative, not -1" },
    };

    [Theory]
    [MemberData(nameof(MetricRows))]
    public void Validate_MetricRow_ErrorOrNone(string metric, string? error)
    {
        var spec = JsonSerializer.Deserialize("""{"metrics":[{"name":"m",""" + metric[1..] + "]}", RolloutsJsonContext.Default.AnalysisTemplateSpec)!;

        var findings = AnalysisTemplateValidator.Validate(spec);

        if (error is null)
        {
            Assert.Empty(findings.Errors);
        }
        else
        {
            Assert.StartsWith(error, Assert.Single(findings.Errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_NoMetricsNoTemplates_Refused()
    {
        var findings = AnalysisTemplateValidator.Validate(new AnalysisTemplateSpec());

        Assert.Equal(["spec.metrics: at least one metric is required"], findings.Errors);
    }

    [Fact]
    public void Validate_DuplicateAndMissingNames_BothRefused()
    {
        var spec = JsonSerializer.Deserialize(
            "{\"metrics\":[{\"name\":\"a\"," + Prometheus + "},{\"name\":\"a\"," + Prometheus + "},{\"name\":\"\"," + Prometheus + "}]}",
            RolloutsJsonContext.Default.AnalysisTemplateSpec)!;

        var findings = AnalysisTemplateValidator.Validate(spec);

        Assert.Equal(["spec.metrics[1].name: \"a\" is used twice", "spec.metrics[2].name: a name is required"], findings.Errors);
    }

    [Fact]
    public void Validate_NestedTemplates_CollectedAsReferences()
    {
        var spec = JsonSerializer.Deserialize("""{"templates":[{"templateName":"base","clusterScope":true}]}""", RolloutsJsonContext.Default.AnalysisTemplateSpec)!;

        var findings = AnalysisTemplateValidator.Validate(spec);

        Assert.Empty(findings.Errors);
        Assert.Equal([new TemplateReference("base", true, "spec.templates[0]")], findings.Templates);
    }

    [Fact]
    public void Validate_HugeNestedCondition_RefusedBeforeCompiling()
    {
        var nested = new string('(', 100_000) + "1" + new string(')', 100_000) + " > 0";
        var spec = new AnalysisTemplateSpec { Metrics = [new Metric { Name = "m", SuccessCondition = nested, Provider = new MetricProvider { Prometheus = new PrometheusMetric { Query = "q" } } }] };

        var findings = AnalysisTemplateValidator.Validate(spec);

        Assert.Equal(["spec.metrics[0].successCondition: longer than 4096 characters (200005)"], findings.Errors);
    }
}
