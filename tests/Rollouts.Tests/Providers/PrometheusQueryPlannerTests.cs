using System.Text.Json;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Prometheus;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class PrometheusQueryPlannerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_Minimal_InstantQueryThirtySeconds()
    {
        var query = PrometheusQueryPlanner.Plan(Metric("""{"address":"http://p:9090/prom","query":"up"}"""), null, Now);

        Assert.Equal((new Uri("http://p:9090/prom"), "up", TimeSpan.FromSeconds(30), false), (query.Address, query.Query, query.Timeout, query.Insecure));
        Assert.Null(query.Range);
        Assert.Null(query.BasicAuthorization);
        Assert.Null(query.OAuth2);
        Assert.Equal(("/api/v1/query", "query=up&time=1772625600"), PrometheusProvider.Request(query, Now));
    }

    [Fact]
    public void Plan_NoAddress_ControllerDefault() =>
        Assert.Equal(new Uri("http://central:9090"), PrometheusQueryPlanner.Plan(Metric("""{"query":"up"}"""), "http://central:9090", Now).Address);

    [Fact]
    public void Plan_RangeQuery_StartEndStepFormattedAsClientGolang()
    {
        var query = PrometheusQueryPlanner.Plan(
            Metric("""{"address":"http://p","query":"sum(rate(x[1m]))","rangeQuery":{"start":"now() - duration(\"10m\")","end":"now()","step":"1m30s"}}"""),
            null,
            Now.AddMilliseconds(250));

        Assert.Equal(new PrometheusRange(Now.AddMinutes(-10).AddMilliseconds(250), Now.AddMilliseconds(250), TimeSpan.FromSeconds(90)), query.Range);
        Assert.Equal(
            ("/api/v1/query_range", "end=1772625600.25&query=sum%28rate%28x%5B1m%5D%29%29&start=1772625000.25&step=90"),
            PrometheusProvider.Request(query, Now));
    }

    [Fact]
    public void Plan_Options_HeadersTimeoutInsecureBasicAuth()
    {
        var query = PrometheusQueryPlanner.Plan(
            Metric("""{"address":"https://p","query":"up","timeout":5,"insecure":true,"headers":[{"key":"X-Scope-OrgID","value":"team-a"}],"authentication":{"basicAuth":{"username":"u","password":"p:w"}}}"""),
            null,
            Now);

        Assert.Equal(TimeSpan.FromSeconds(5), query.Timeout);
        Assert.True(query.Insecure);
        Assert.Equal([new("X-Scope-OrgID", "team-a")], query.Headers);
        Assert.Equal("Basic dTpwOnc=", query.BasicAuthorization);
    }

    [Fact]
    public void Plan_ZeroTimeout_KeptAsArgoDoes() =>
        Assert.Equal(TimeSpan.Zero, PrometheusQueryPlanner.Plan(Metric("""{"address":"http://p","query":"up","timeout":0}"""), null, Now).Timeout);

    [Theory]
    [InlineData("""{"query":"up"}""", "prometheus address is not configured")]
    [InlineData("""{"address":"p:9090","query":"up"}""", "is not a URL")]
    [InlineData("""{"address":"http://p","query":"up","timeout":-1}""", "prometheus timeout should not be negative")]
    [InlineData("""{"address":"http://p","query":"up","authentication":{"sigv4":{"region":"eu-west-1"}}}""", "sigv4 is not supported")]
    [InlineData("""{"address":"http://p","query":"up","authentication":{"basicAuth":{"password":"p"}}}""", "basic auth setup: username")]
    [InlineData("""{"address":"http://p","query":"up","authentication":{"basicAuth":{"username":"u"}}}""", "basic auth setup: password")]
    [InlineData("""{"address":"http://p","query":"up","rangeQuery":{"start":"yesterday","end":"now()","step":"1m"}}""", "failed to parse rangeQuery.start as time")]
    [InlineData("""{"address":"http://p","query":"up","rangeQuery":{"start":"now()","end":"duration(\"1m\")","step":"1m"}}""", "failed to parse rangeQuery.end as time: expected time.Time")]
    [InlineData("""{"address":"http://p","query":"up","rangeQuery":{"start":"now()","end":"now()","step":"often"}}""", "failed to parse rangeQuery.step as duration")]
    public void Plan_Unqueryable_MetricQueryException(string json, string message) =>
        Assert.Contains(message, Assert.Throws<MetricQueryException>(() => PrometheusQueryPlanner.Plan(Metric(json), null, Now)).Message, StringComparison.Ordinal);

    private static PrometheusMetric Metric(string json) =>
        JsonSerializer.Deserialize("""{"prometheus":""" + json + "}", RolloutsJsonContext.Default.MetricProvider)!.Prometheus!;
}
