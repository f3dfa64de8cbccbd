using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class ControllerRuntimeTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    private const string ControllerName = nameof(ScriptedWidgetController);

    [Fact]
    public async Task Controller_WidgetsCreatedAndResized_StatusFollowsSpec()
    {
        var script = new WidgetScript
        {
            Reconcile = async (widget, _, ct) =>
            {
                if (widget.Status?.ObservedSize != widget.Spec.Size)
                {
                    widget.Status = new WidgetStatus { ObservedSize = widget.Spec.Size };
                    widget = await Client.UpdateStatusAsync(widget, cancellationToken: ct);
                }

                return ReconciliationResult<Widget>.Success(widget);
            },
        };
        await Client.CreateAsync(Widget.Named("existing", Namespace, 4), cancellationToken: Timeout());
        var host = await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());
        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>());

        var resized = await Client.CreateAsync(Widget.Named("resized", Namespace, 1), cancellationToken: Timeout());
        await Client.CreateAsync(Widget.Named("new", Namespace, 7), cancellationToken: Timeout());
        await WaitForObservedSizeAsync("resized", 1);
        resized = (await Client.GetAsync<Widget>("resized", Namespace, Timeout()))!;
        resized.Spec.Size = 9;
        await Client.UpdateAsync(resized, cancellationToken: Timeout());

        await WaitForObservedSizeAsync("existing", 4);
        await WaitForObservedSizeAsync("new", 7);
        await WaitForObservedSizeAsync("resized", 9);
        Assert.True(metrics.Sum("reconcile_total", ("controller", ControllerName), ("result", "success")) >= 3);
        Assert.True(metrics.Count("reconcile_duration_seconds", ("controller", ControllerName)) >= 3);
        Assert.True(metrics.Sum("workqueue_adds_total", ("name", ControllerName)) >= 3);
    }

    [Fact]
    public async Task Controller_ReturnsFailure_RetriedWithBackoffUntilSuccess()
    {
        var script = new WidgetScript
        {
            Reconcile = (widget, attempt, _) => Task.FromResult(attempt <= 3
                ? ReconciliationResult<Widget>.Failure(widget, $"attempt {attempt} failed")
                : ReconciliationResult<Widget>.Success(widget)),
        };
        var host = await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());
        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>());

        await Client.CreateAsync(Widget.Named("flaky", Namespace), cancellationToken: Timeout());

        await TestWait.UntilAsync("the fourth attempt", () => script.Reconciles("flaky") >= 4, Wait);
        await TestWait.UntilAsync("the success to be counted", () => metrics.Sum("reconcile_total", ("result", "success")) >= 1, Wait);
        Assert.Equal(3, metrics.Sum("reconcile_total", ("controller", ControllerName), ("result", "failure")));
        Assert.Equal(3, metrics.Sum("reconcile_errors_total", ("controller", ControllerName)));
        Assert.Equal(3, metrics.Sum("workqueue_retries_total", ("name", ControllerName)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, script.Reconciles("flaky"));
    }

    [Fact]
    public async Task Controller_Throws_RetriedWithBackoffUntilSuccess()
    {
        var script = new WidgetScript
        {
            Reconcile = (widget, attempt, _) => attempt <= 2
                ? throw new InvalidOperationException($"attempt {attempt} threw")
                : Task.FromResult(ReconciliationResult<Widget>.Success(widget)),
        };
        var host = await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());
        using var metrics = new MetricRecorder(host.Services.GetRequiredService<IMeterFactory>());

        await Client.CreateAsync(Widget.Named("thrower", Namespace), cancellationToken: Timeout());

        await TestWait.UntilAsync("the third attempt", () => script.Reconciles("thrower") >= 3, Wait);
        await TestWait.UntilAsync("the success to be counted", () => metrics.Sum("reconcile_total", ("result", "success")) >= 1, Wait);
        Assert.Equal(2, metrics.Sum("reconcile_total", ("controller", ControllerName), ("result", "error")));
        Assert.Equal(2, metrics.Sum("workqueue_retries_total", ("name", ControllerName)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(3, script.Reconciles("thrower"));
    }

    [Fact]
    public async Task Controller_SuccessWithRequeueAfter_ReconcilesAgainNoSoonerThanAsked()
    {
        var every = TimeSpan.FromMilliseconds(700);
        var script = new WidgetScript
        {
            Reconcile = (widget, _, _) => Task.FromResult(ReconciliationResult<Widget>.Success(widget, every)),
        };
        await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());

        var created = await Client.CreateAsync(Widget.Named("periodic", Namespace), cancellationToken: Timeout());

        await TestWait.UntilAsync("four reconciles", () => script.Reconciles("periodic") >= 4, Wait);
        var times = script.ReconcileLog.Where(r => r.Name == "periodic").Select(r => r.At).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= every - TimeSpan.FromMilliseconds(20)));
        Assert.Equal(created.Metadata.ResourceVersion, (await Client.GetAsync<Widget>("periodic", Namespace, Timeout()))!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Controller_FailureWithRequeueAfter_WaitsThatDelayInsteadOfBackoff()
    {
        var delay = TimeSpan.FromSeconds(1);
        var script = new WidgetScript
        {
            Reconcile = (widget, attempt, _) => Task.FromResult(attempt <= 2
                ? ReconciliationResult<Widget>.Failure(widget, "not yet", requeueAfter: delay)
                : ReconciliationResult<Widget>.Success(widget)),
        };
        await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());

        await Client.CreateAsync(Widget.Named("patient", Namespace), cancellationToken: Timeout());

        await TestWait.UntilAsync("the third attempt", () => script.Reconciles("patient") >= 3, Wait);
        var times = script.ReconcileLog.Where(r => r.Name == "patient").Select(r => r.At).ToList();
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second - pair.First >= delay - TimeSpan.FromMilliseconds(20)));
    }

    [Fact]
    public async Task Controller_ManyWorkersAndRapidChanges_NeverReconcilesOneWidgetTwiceAtOnce()
    {
        var script = new WidgetScript
        {
            Reconcile = async (widget, _, ct) =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(150), ct);
                return ReconciliationResult<Widget>.Success(widget);
            },
        };
        await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>(), options => options.WorkerCount = 4);
        var names = new[] { "a", "b", "c" };
        foreach (var name in names)
        {
            await Client.CreateAsync(Widget.Named(name, Namespace), cancellationToken: Timeout());
        }

        for (var round = 1; round <= 8; round++)
        {
            foreach (var name in names)
            {
                var widget = (await Client.GetAsync<Widget>(name, Namespace, Timeout()))!;
                widget.Spec.Size = round;
                await Client.UpdateAsync(widget, cancellationToken: Timeout());
            }

            await Task.Delay(TimeSpan.FromMilliseconds(60));
        }

        await TestWait.UntilAsync("several reconciles of every widget", () => names.All(n => script.Reconciles(n) >= 3), Wait);
        Assert.Equal(1, script.MaxInFlightPerKey);
    }

    [Fact]
    public async Task Controller_WidgetDeleted_DeletedAsyncCalledWithLastKnownState()
    {
        var script = new WidgetScript();
        await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>());
        await Client.CreateAsync(Widget.Named("doomed", Namespace), cancellationToken: Timeout());
        await TestWait.UntilAsync("the first reconcile", () => script.Reconciles("doomed") >= 1, Wait);

        await Client.DeleteAsync<Widget>("doomed", Namespace, cancellationToken: Timeout());

        await TestWait.UntilAsync("DeletedAsync", () => script.Deleted.Contains("doomed"), Wait);
        Assert.Equal(["doomed"], script.Deleted);
    }

    [Fact]
    public async Task Controller_OwnedConfigMapCreatedChangedDeleted_OwnerReconciledEachTime()
    {
        var script = new WidgetScript();
        await StartOperatorAsync(script, o => o.AddController<ScriptedWidgetController, Widget>().Owns<Widget, V1ConfigMap>());
        var parent = await Client.CreateAsync(Widget.Named("parent", Namespace), cancellationToken: Timeout());
        await Client.CreateAsync(Widget.Named("bystander", Namespace), cancellationToken: Timeout());
        await TestWait.UntilAsync("the first reconciles", () => script.Reconciles("parent") >= 1 && script.Reconciles("bystander") >= 1, Wait);
        var owned = new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "owned",
                Namespace = Namespace,
                OwnerReferences = [new V1OwnerReference { ApiVersion = "test.tollgate.dev/v1", Kind = "Widget", Name = "parent", Uid = parent.Metadata.Uid!, Controller = true }],
            },
            Data = new Dictionary<string, string> { ["step"] = "1" },
        };

        var bystander = script.Reconciles("bystander");
        var before = script.Reconciles("parent");
        owned = await Client.CreateAsync(owned, cancellationToken: Timeout());
        await TestWait.UntilAsync("a reconcile of the owner after the create", () => script.Reconciles("parent") > before, Wait);

        before = script.Reconciles("parent");
        owned.Data!["step"] = "2";
        await Client.UpdateAsync(owned, cancellationToken: Timeout());
        await TestWait.UntilAsync("a reconcile of the owner after the update", () => script.Reconciles("parent") > before, Wait);

        before = script.Reconciles("parent");
        await Client.DeleteAsync<V1ConfigMap>("owned", Namespace, cancellationToken: Timeout());
        await TestWait.UntilAsync("a reconcile of the owner after the delete", () => script.Reconciles("parent") > before, Wait);
        Assert.Equal(bystander, script.Reconciles("bystander"));
    }

    [Fact]
    public void Owns_BeforeAddController_ThrowsNamingTheOrder()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<InvalidOperationException>(() => services.AddKubernetesOperator(_ => { }).Owns<Widget, V1ConfigMap>());

        Assert.Contains("call AddController before Owns<Widget, V1ConfigMap>", error.Message, StringComparison.Ordinal);
    }

    private Task WaitForObservedSizeAsync(string name, int size) =>
        TestWait.UntilAsync(
            $"{name} to report observedSize {size}",
            async () => (await Client.GetAsync<Widget>(name, Namespace, Timeout()))?.Status?.ObservedSize == size,
            Wait);
}
