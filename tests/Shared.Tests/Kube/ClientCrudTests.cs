using System.Text.Json.Nodes;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Shared.Tests.Kube;

public sealed class ClientCrudTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task ConfigMap_CreateGetUpdateDelete_RoundTripsThroughTheServer()
    {
        var created = await Client.CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta { Name = "settings", Namespace = Namespace, Labels = new Dictionary<string, string> { ["app"] = "web" } },
            Data = new Dictionary<string, string> { ["mode"] = "blue" },
        });
        Assert.False(string.IsNullOrEmpty(created.Metadata.Uid));
        Assert.NotNull(created.Metadata.CreationTimestamp);

        var read = await Client.GetAsync<V1ConfigMap>("settings", Namespace);
        Assert.NotNull(read);
        Assert.Equal("blue", read.Data!["mode"]);
        Assert.Equal("web", read.Metadata.Labels!["app"]);

        read.Data["mode"] = "green";
        var updated = await Client.UpdateAsync(read);
        Assert.Equal("green", updated.Data!["mode"]);
        Assert.NotEqual(created.Metadata.ResourceVersion, updated.Metadata.ResourceVersion);

        Assert.True(await Client.DeleteAsync<V1ConfigMap>("settings", Namespace));
        Assert.Null(await Client.GetAsync<V1ConfigMap>("settings", Namespace));
        Assert.False(await Client.DeleteAsync<V1ConfigMap>("settings", Namespace));
    }

    [Fact]
    public async Task Update_WithStaleResourceVersion_ThrowsConflict()
    {
        var created = await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "cm", Namespace = Namespace } });
        var first = await Client.GetAsync<V1ConfigMap>("cm", Namespace);
        first!.Data = new Dictionary<string, string> { ["a"] = "1" };
        await Client.UpdateAsync(first);

        created.Data = new Dictionary<string, string> { ["a"] = "2" };
        var error = await Assert.ThrowsAsync<KubernetesException>(() => Client.UpdateAsync(created));

        Assert.True(error.IsConflict);
        Assert.False(error.IsAlreadyExists);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal("Conflict", error.Reason);
    }

    [Fact]
    public async Task Create_Twice_ThrowsAlreadyExistsNotConflict()
    {
        await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup", Namespace = Namespace } });

        var error = await Assert.ThrowsAsync<KubernetesException>(
            () => Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "dup", Namespace = Namespace } }));

        Assert.True(error.IsAlreadyExists);
        Assert.False(error.IsConflict);
        Assert.Equal("dup", error.Status?.Details?.Name);
    }

    [Fact]
    public async Task Create_InvalidCustomResource_ThrowsInvalidWithFieldCause()
    {
        var error = await Assert.ThrowsAsync<KubernetesException>(() => Client.CreateAsync(Widget.Named("bad", Namespace, size: -1)));

        Assert.True(error.IsInvalid);
        Assert.Contains(error.Status!.Details!.Causes!, c => c.Field == "spec.size");
    }

    [Fact]
    public async Task CustomResource_TypedCrudAndStatusSubresource_Work()
    {
        var created = await Client.CreateAsync(Widget.Named("w1", Namespace, size: 3));
        Assert.Equal(3, created.Spec.Size);

        created.Status = new WidgetStatus { ObservedSize = 3 };
        var withStatus = await Client.UpdateStatusAsync(created);
        Assert.Equal(3, withStatus.Status?.ObservedSize);

        // A status write must not change the spec, and a spec write must not change the status.
        withStatus.Spec.Size = 5;
        withStatus.Status = new WidgetStatus { ObservedSize = 99 };
        var updated = await Client.UpdateAsync(withStatus);
        Assert.Equal(5, updated.Spec.Size);
        Assert.Equal(3, updated.Status?.ObservedSize);

        Assert.True(await Client.DeleteAsync<Widget>("w1", Namespace));
    }

    [Fact]
    public async Task CustomResource_DynamicJsonAccess_PreservesFieldsTheCallerDoesNotKnow()
    {
        var widgets = Client.Resource(Widget.Resource);
        await widgets.CreateAsync(new JsonObject
        {
            ["apiVersion"] = "test.tollgate.dev/v1",
            ["kind"] = "Widget",
            ["metadata"] = new JsonObject { ["name"] = "dyn", ["namespace"] = Namespace },
            ["spec"] = new JsonObject { ["size"] = 2, ["color"] = "red" },
        });

        var typed = await Client.GetAsync<Widget>("dyn", Namespace);
        Assert.Equal("red", typed!.Spec.Color);

        var dynamic = await widgets.GetAsync("dyn", Namespace);
        Assert.Equal(2, dynamic!["spec"]!["size"]!.GetValue<int>());
        dynamic["spec"]!["size"] = 4;
        var replaced = await widgets.UpdateAsync(dynamic);
        Assert.Equal(4, replaced["spec"]!["size"]!.GetValue<int>());
        Assert.Equal("red", replaced["spec"]!["color"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadModifyWrite_OfTypedModel_KeepsFieldsTheModelDoesNotName()
    {
        await Client.Resource(V1ConfigMap.Resource).CreateAsync(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "ConfigMap",
            ["metadata"] = new JsonObject { ["name"] = "keep", ["namespace"] = Namespace },
            ["data"] = new JsonObject { ["a"] = "1" },
        });
        await Client.PatchAsync<V1ConfigMap>("keep", Namespace, KubernetesPatch.Merge(new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["x"] = "y" } },
        }));

        var typed = await Client.GetAsync<V1ConfigMap>("keep", Namespace);
        typed!.Data!["b"] = "2";
        await Client.UpdateAsync(typed);

        var raw = await Client.Resource(V1ConfigMap.Resource).GetAsync("keep", Namespace);
        Assert.Equal("y", raw!["metadata"]!["annotations"]!["x"]!.GetValue<string>());
        Assert.NotNull(raw["metadata"]!["managedFields"]);
        Assert.Equal("2", raw["data"]!["b"]!.GetValue<string>());
    }

    [Fact]
    public async Task Delete_WithStaleUidPrecondition_ThrowsConflictAndKeepsObject()
    {
        await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "guarded", Namespace = Namespace } });

        var error = await Assert.ThrowsAsync<KubernetesException>(() => Client.DeleteAsync<V1ConfigMap>(
            "guarded", Namespace, new DeleteOptions { Preconditions = new DeletePreconditions(Uid: "00000000-0000-0000-0000-000000000000") }));

        Assert.True(error.IsConflict);
        Assert.NotNull(await Client.GetAsync<V1ConfigMap>("guarded", Namespace));
    }

    [Fact]
    public async Task Delete_WithForegroundPropagation_RemovesDependentsBeforeOwner()
    {
        var owner = await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "owner", Namespace = Namespace } });
        await Client.CreateAsync(new V1ConfigMap
        {
            Metadata = new V1ObjectMeta
            {
                Name = "dependent",
                Namespace = Namespace,
                OwnerReferences = [new V1OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = "owner", Uid = owner.Metadata.Uid!, BlockOwnerDeletion = true }],
            },
        });

        Assert.True(await Client.DeleteAsync<V1ConfigMap>("owner", Namespace, DeleteOptions.Foreground));

        // kube-controller-manager's garbage collector deletes the dependent, then the owner.
        await Testing.ControlPlane.TestControlPlane.WaitUntilAsync(
            "owner and dependent to be gone",
            async ct => await Client.GetAsync<V1ConfigMap>("dependent", Namespace, ct) is null
                && await Client.GetAsync<V1ConfigMap>("owner", Namespace, ct) is null,
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task List_WithLimitTwoOverFiveObjects_PagesWithContinueTokens()
    {
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync(new V1ConfigMap
            {
                Metadata = new V1ObjectMeta { Name = $"page-{i}", Namespace = Namespace, Labels = new Dictionary<string, string> { ["set"] = "paging" } },
            });
        }

        var options = new ListOptions { LabelSelector = "set=paging", Limit = 2 };
        var first = await Client.ListAsync<V1ConfigMap>(Namespace, options);
        var second = await Client.ListAsync<V1ConfigMap>(Namespace, options with { Continue = first.Metadata.Continue });
        var third = await Client.ListAsync<V1ConfigMap>(Namespace, options with { Continue = second.Metadata.Continue });

        Assert.Equal([2, 2, 1], [first.Items.Count, second.Items.Count, third.Items.Count]);
        Assert.False(string.IsNullOrEmpty(first.Metadata.Continue));
        Assert.True(string.IsNullOrEmpty(third.Metadata.Continue));
        var all = await Client.Resource<V1ConfigMap>().ListAllAsync(Namespace, options).Select(c => c.Metadata.Name).ToListAsync();
        Assert.Equal(["page-0", "page-1", "page-2", "page-3", "page-4"], all.Order());
    }

    [Fact]
    public async Task List_WithFieldSelector_FiltersByName()
    {
        await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "alpha", Namespace = Namespace } });
        await Client.CreateAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "beta", Namespace = Namespace } });

        var list = await Client.ListAsync<V1ConfigMap>(Namespace, new ListOptions { FieldSelector = "metadata.name=beta" });

        Assert.Equal("beta", Assert.Single(list.Items).Metadata.Name);
    }
}
