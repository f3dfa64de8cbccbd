using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>The admission endpoints in memory (ASP.NET Core TestServer), with logs captured.</summary>
internal sealed class AdmissionTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private AdmissionTestHost(WebApplication app, CapturingLoggerProvider logs)
    {
        this.app = app;
        Logs = logs;
        Client = app.GetTestClient();
    }

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<AdmissionTestHost> StartAsync(Action<AdmissionWebhookBuilder> webhooks, Action<AdmissionWebhookOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        webhooks(builder.Services.AddAdmissionWebhooks(configure));
        var app = builder.Build();
        app.MapAdmissionWebhooks();
        await app.StartAsync();
        return new AdmissionTestHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
