using System.Text.Json;
using Tollgate.Rollouts.Providers;
using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class MetricProvidersTests
{
    [Fact]
    public async Task MeasureAsync_UnsupportedProvider_ErrorListingSupportedOnes()
    {
        using var clients = new ProviderHttpClients();
        var providers = new MetricProviders([new Rollouts.Providers.Prometheus.PrometheusProvider(clients, TimeProvider.System), new Rollouts.Providers.Web.WebMetricProvider(clients)]);
        var job = JsonSerializer.Deserialize("""{"job":{"spec":{}}}""", RolloutsJsonContext.Default.MetricProvider)!;

        var exception = await Assert.ThrowsAsync<MetricQueryException>(() => providers.MeasureAsync(job, new Dictionary<string, string?>(), CancellationToken.None));

        Assert.Equal("the metric sets no supported provider; Tollgate supports prometheus, web", exception.Message);
    }

    [Fact]
    public void Shorten_AtTheLimit_Unchanged()
    {
        var text = new string('7', MetricProviders.MaxValueTextLength);

        Assert.Equal(text, MetricProviders.Shorten(text));
    }

    [Fact]
    public void Shorten_OverTheLimit_CutWithTheLength()
    {
        var text = new string('7', MetricProviders.MaxValueTextLength) + "89";

        Assert.Equal(new string('7', MetricProviders.MaxValueTextLength) + "... (4098 characters, shortened)", MetricProviders.Shorten(text));
    }
}
