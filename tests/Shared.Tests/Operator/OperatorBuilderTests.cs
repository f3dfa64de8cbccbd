using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Operator.Events;
using Tollgate.Shared.Operator.Informers;
using Tollgate.Shared.Operator.LeaderElection;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>Registration only: nothing here starts a host or calls an API server.</summary>
public sealed class OperatorBuilderTests
{
    private static readonly KubernetesClientConfiguration Nowhere = new() { Host = new Uri("https://127.0.0.1:9") };

    [Fact]
    public void AddKubernetesOperator_ClientAlreadyRegistered_KeepsIt()
    {
        using var client = new KubernetesClient(Nowhere, TestJsonContext.Default);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client);

        services.AddKubernetesOperator(o => o.Name = "keep");
        using var provider = services.BuildServiceProvider();

        Assert.Same(client, provider.GetRequiredService<IKubernetesClient>());
        Assert.NotNull(provider.GetRequiredService<SharedInformerFactory>());
        Assert.NotNull(provider.GetRequiredService<IEventRecorder>());
        Assert.Null(provider.GetService<LeaderElector>());
        Assert.Single(provider.GetServices<IHostedService>().OfType<OperatorHostedService>());
    }

    [Fact]
    public void AddKubernetesOperator_NoClientRegistered_BuildsOneWithOptionAndServiceResolvers()
    {
        var services = new ServiceCollection().AddSingleton<IJsonTypeInfoResolver>(TestJsonContext.Default);

        services.AddKubernetesOperator(o =>
        {
            o.ClientConfiguration = Nowhere;
            o.AddJsonResolver(OperatorTestJsonContext.Default);
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IKubernetesClient>();

        Assert.Equal(Nowhere.Host, client.Configuration.Host);
        Assert.NotNull(client.Resource<Sprocket>());
        Assert.NotNull(client.Resource<Widget>());
    }

    [Fact]
    public void AddController_EntityOnlyKnownToOptionResolver_ControllerRuntimeResolves()
    {
        using var client = new KubernetesClient(Nowhere, OperatorTestJsonContext.Default);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client);

        services.AddKubernetesOperator(o => o.AddJsonResolver(OperatorTestJsonContext.Default)).AddController<NoopSprocketController, Sprocket>();
        using var provider = services.BuildServiceProvider();

        var controller = Assert.Single(provider.GetServices<IRunnableController>());
        Assert.Equal(nameof(NoopSprocketController), controller.Name);
    }

    [Fact]
    public void AddController_EntityUnknownToEveryResolver_FailsAtResolutionNamingTheFix()
    {
        using var client = new KubernetesClient(Nowhere);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client);

        services.AddKubernetesOperator().AddController<NoopSprocketController, Sprocket>();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<NotSupportedException>(() => provider.GetServices<IRunnableController>().ToList());
    }

    [Fact]
    public void AddKubernetesOperator_LeaderElectionOn_ElectorUsesOperatorNameAndNamespace()
    {
        using var client = new KubernetesClient(Nowhere);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client);

        services.AddKubernetesOperator(o =>
        {
            o.Name = "rollouts";
            o.Namespace = "tollgate-system";
            o.EnableLeaderElection = true;
        });
        using var provider = services.BuildServiceProvider();
        var elector = provider.GetRequiredService<LeaderElector>();

        Assert.Equal("rollouts-leader", elector.Options.LeaseName);
        Assert.Equal("tollgate-system", elector.Options.LeaseNamespace);
        Assert.Equal(TimeSpan.FromSeconds(15), elector.Options.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), elector.Options.RenewDeadline);
        Assert.Equal(TimeSpan.FromSeconds(2), elector.Options.RetryPeriod);
    }

    [Fact]
    public void AddKubernetesOperator_CalledTwice_Throws()
    {
        var services = new ServiceCollection();
        services.AddKubernetesOperator();

        Assert.Throws<InvalidOperationException>(() => services.AddKubernetesOperator());
    }

    [Fact]
    public void AddKubernetesOperator_NoWorkers_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ServiceCollection().AddKubernetesOperator(o => o.WorkerCount = 0));
    }

    [Theory]
    [InlineData(false, 3)]
    [InlineData(true, 5)]
    public void AddController_WorkerCountOfItsKind_GivesItThatManyWorkers(bool setForWidget, int expected)
    {
        using var client = new KubernetesClient(Nowhere, TestJsonContext.Default);
        var services = new ServiceCollection().AddSingleton<IKubernetesClient>(client);
        services.AddKubernetesOperator(o =>
            {
                o.WorkerCount = 3;
                if (setForWidget)
                {
                    o.SetWorkerCount<Widget>(5);
                }
            })
            .AddController<ScriptedWidgetController, Widget>();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, Assert.Single(provider.GetServices<IRunnableController>()).Workers);
    }

    [Fact]
    public void SetWorkerCount_Zero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OperatorOptions().SetWorkerCount<Widget>(0));
    }

    [Fact]
    public void AddController_SecondControllerForSameKind_Throws()
    {
        var builder = new ServiceCollection().AddKubernetesOperator().AddController<ScriptedWidgetController, Widget>();

        Assert.Throws<InvalidOperationException>(() => builder.AddController<ScriptedWidgetController, Widget>());
    }

    [Fact]
    public void AddFinalizer_SameIdentifierTwice_Throws()
    {
        var builder = new ServiceCollection().AddKubernetesOperator().AddFinalizer<ScriptedWidgetFinalizer, Widget>("a/x");

        Assert.Throws<InvalidOperationException>(() => builder.AddFinalizer<ScriptedWidgetFinalizer, Widget>("a/x"));
        using var provider = builder.Services.BuildServiceProvider();
        Assert.Single(provider.GetServices<FinalizerRegistration<Widget>>());
    }
}
