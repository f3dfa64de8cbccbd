using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Health;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class OperatorHealthTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Probes_OperatorSynced_HealthzAndReadyzAnswerOk()
    {
        await using var app = await StartAppAsync(leaderElection: true);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Timeout());
        await TestWait.UntilAsync(
            "/readyz to answer 200",
            async () => (await http.GetAsync(new Uri("/readyz", UriKind.Relative), Timeout())).StatusCode == HttpStatusCode.OK,
            Wait);
        var ready = await http.GetStringAsync(new Uri("/readyz", UriKind.Relative), Timeout());

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("ok", await live.Content.ReadAsStringAsync(Timeout()));
        Assert.Equal("ok", ready);
        await app.StopAsync(Timeout());
    }

    [Fact]
    public async Task Readyz_InformerThatCannotList_Answers503NamingIt()
    {
        await using var app = await StartAppAsync(leaderElection: false);
        app.Services.GetRequiredService<SharedInformerFactory>().GetInformer<Widget>(Namespace, "broken in (");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        await Task.Delay(TimeSpan.FromSeconds(2));
        var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Timeout());
        var live = await http.GetAsync(new Uri("/healthz", UriKind.Relative), Timeout());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("informer not synced: widgets.test.tollgate.dev/v1", await ready.Content.ReadAsStringAsync(Timeout()), StringComparison.Ordinal);
        Assert.Contains("matching broken in (", await ready.Content.ReadAsStringAsync(Timeout()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        await app.StopAsync(Timeout());
    }

    private async Task<WebApplication> StartAppAsync(bool leaderElection)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton<IKubernetesClient>(Client);
        builder.Services.AddSingleton(new WidgetScript());
        builder.Services
            .AddKubernetesOperator(options =>
            {
                options.Name = "health-operator";
                options.Namespace = Namespace;
                options.EnableLeaderElection = leaderElection;
                options.RetryPeriod = TimeSpan.FromMilliseconds(500);
            })
            .AddController<ScriptedWidgetController, Widget>();
        var app = builder.Build();
        app.MapOperatorHealth();
        await app.StartAsync(Timeout());
        return app;
    }
}
