using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>Control-plane tests that run operators on generic hosts; every host started here is stopped afterwards.</summary>
public abstract class OperatorTest(ControlPlaneFixture fixture) : ControlPlaneTest(fixture), IAsyncLifetime
{
    protected static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    private readonly List<IHost> hosts = [];
    private readonly List<KubernetesClient> clients = [];

    async Task IAsyncLifetime.InitializeAsync() => await InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }

        await DisposeAsync();
    }

    /// <summary>Builds and starts a host with an operator watching this test's namespace.</summary>
    protected async Task<IHost> StartOperatorAsync(
        WidgetScript script, Action<IOperatorBuilder> register, Action<OperatorOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        var client = new KubernetesClient(Plane.AdminConfiguration, TestJsonContext.Default);
        clients.Add(client);
        builder.Services.AddSingleton<IKubernetesClient>(client);
        builder.Services.AddSingleton(script);
        register(builder.Services.AddKubernetesOperator(options =>
        {
            options.Name = "widget-operator";
            options.Namespace = Namespace;
            configure?.Invoke(options);
        }));
        var host = builder.Build();
        hosts.Add(host);
        await host.StartAsync(Timeout());
        return host;
    }

    protected async Task StopAsync(IHost host)
    {
        hosts.Remove(host);
        await host.StopAsync(Timeout());
        host.Dispose();
    }
}
