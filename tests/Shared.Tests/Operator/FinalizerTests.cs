using System.Text.Json.Nodes;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Operator;

public sealed class FinalizerTests(ControlPlaneFixture fixture) : OperatorTest(fixture)
{
    [Fact]
    public async Task Finalizer_Registered_AddedOnReconcileRunOnDeleteThenRemoved()
    {
        var script = new WidgetScript();
        await StartWithFinalizerAsync(script);

        await Client.CreateAsync(Widget.Named("guarded", Namespace), cancellationToken: Timeout());
        await TestWait.UntilAsync(
            "the finalizer to be added",
            async () => (await Client.GetAsync<Widget>("guarded", Namespace, Timeout()))?.Metadata.Finalizers?.Contains(ScriptedWidgetFinalizer.Identifier) == true,
            Wait);
        Assert.Empty(script.Finalized);

        await Client.DeleteAsync<Widget>("guarded", Namespace, cancellationToken: Timeout());

        await TestWait.UntilAsync("the widget to be gone", async () => await Client.GetAsync<Widget>("guarded", Namespace, Timeout()) is null, Wait);
        await TestWait.UntilAsync("DeletedAsync", () => script.Deleted.Contains("guarded"), Wait);
        Assert.Equal(["guarded"], script.Finalized);
    }

    [Fact]
    public async Task Finalizer_Fails_ObjectKeptAndRetriedUntilSuccess()
    {
        var script = new WidgetScript
        {
            Finalize = (widget, attempt, _) => Task.FromResult(attempt <= 2
                ? ReconciliationResult<Widget>.Failure(widget, "external system busy")
                : ReconciliationResult<Widget>.Success(widget)),
        };
        await StartWithFinalizerAsync(script);
        await Client.CreateAsync(Widget.Named("stubborn", Namespace), cancellationToken: Timeout());
        await TestWait.UntilAsync(
            "the finalizer to be added",
            async () => (await Client.GetAsync<Widget>("stubborn", Namespace, Timeout()))?.Metadata.Finalizers?.Count > 0,
            Wait);

        await Client.DeleteAsync<Widget>("stubborn", Namespace, cancellationToken: Timeout());

        await TestWait.UntilAsync("the widget to be gone", async () => await Client.GetAsync<Widget>("stubborn", Namespace, Timeout()) is null, Wait);
        Assert.Equal(["stubborn", "stubborn", "stubborn"], script.Finalized);
    }

    [Fact]
    public async Task Finalizer_ForeignFinalizerPresent_OnlyOursRemoved()
    {
        const string foreign = "example.com/keep";
        var script = new WidgetScript();
        await StartWithFinalizerAsync(script);
        var widget = Widget.Named("shared", Namespace);
        widget.Metadata.Finalizers = [foreign];
        await Client.CreateAsync(widget, cancellationToken: Timeout());
        await TestWait.UntilAsync(
            "both finalizers",
            async () => (await Client.GetAsync<Widget>("shared", Namespace, Timeout()))?.Metadata.Finalizers?.Count == 2,
            Wait);

        await Client.DeleteAsync<Widget>("shared", Namespace, cancellationToken: Timeout());

        await TestWait.UntilAsync("our finalizer to run", () => script.Finalized.Contains("shared"), Wait);
        await TestWait.UntilAsync(
            "only the foreign finalizer to remain",
            async () => (await Client.GetAsync<Widget>("shared", Namespace, Timeout()))?.Metadata.Finalizers?.SequenceEqual([foreign]) == true,
            Wait);
        await Client.PatchAsync<Widget>(
            "shared", Namespace, KubernetesPatch.Merge(new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = null } }), cancellationToken: Timeout());
        await TestWait.UntilAsync("the widget to be gone", async () => await Client.GetAsync<Widget>("shared", Namespace, Timeout()) is null, Wait);
    }

    private Task StartWithFinalizerAsync(WidgetScript script) =>
        StartOperatorAsync(script, o => o
            .AddController<ScriptedWidgetController, Widget>()
            .AddFinalizer<ScriptedWidgetFinalizer, Widget>(ScriptedWidgetFinalizer.Identifier));
}
