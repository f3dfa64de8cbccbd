using System.Text.Json;
using Tollgate.Shared.Kube.Serialization;
using Tollgate.Shared.Operator.Controllers;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

public sealed class EntityTests
{
    [Fact]
    public void CustomKubernetesEntity_New_CarriesApiVersionKindEmptySpecNoStatus()
    {
        var sprocket = new Sprocket();

        Assert.Equal("test.tollgate.dev/v1", sprocket.ApiVersion);
        Assert.Equal("Widget", sprocket.Kind);
        Assert.NotNull(sprocket.Spec);
        Assert.Null(sprocket.Status);
    }

    [Fact]
    public void CustomKubernetesEntity_RoundTrip_KeepsSpecStatusAndUnknownFields()
    {
        var options = KubernetesJson.CreateOptions(OperatorTestJsonContext.Default);
        const string json = """
            {"apiVersion":"test.tollgate.dev/v1","kind":"Widget","metadata":{"name":"s","namespace":"ns"},
             "spec":{"size":3,"color":"red"},"status":{"observedSize":2},"extra":{"kept":true}}
            """;

        var sprocket = JsonSerializer.Deserialize(json, options.TypeInfo<Sprocket>())!;
        var written = JsonDocument.Parse(JsonSerializer.Serialize(sprocket, options.TypeInfo<Sprocket>())).RootElement;

        Assert.Equal(3, sprocket.Spec.Size);
        Assert.Equal(2, sprocket.Status!.ObservedSize);
        Assert.True(written.GetProperty("extra").GetProperty("kept").GetBoolean());
        Assert.Equal("red", written.GetProperty("spec").GetProperty("color").GetString());
        Assert.Equal("Widget", written.GetProperty("kind").GetString());
    }

    [Fact]
    public void ReconciliationResult_SuccessAndFailure_CarryKubeOpsShape()
    {
        var widget = Widget.Named("w", "ns");
        var error = new InvalidOperationException("boom");

        var success = ReconciliationResult<Widget>.Success(widget, TimeSpan.FromSeconds(5));
        var failure = ReconciliationResult<Widget>.Failure(widget, "failed", error);

        Assert.True(success.IsSuccess);
        Assert.False(success.IsFailure);
        Assert.Equal(TimeSpan.FromSeconds(5), success.RequeueAfter);
        Assert.Same(widget, success.Entity);
        Assert.True(failure.IsFailure);
        Assert.Equal("failed", failure.ErrorMessage);
        Assert.Same(error, failure.Error);
        Assert.Null(failure.RequeueAfter);
    }
}
