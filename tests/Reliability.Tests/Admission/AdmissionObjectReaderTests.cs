using System.Text.Json;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Reliability.Tests.Admission;

public sealed class AdmissionObjectReaderTests
{
    [Fact]
    public void Read_ValidApplication_Reads()
    {
        var application = AdmissionObjectReader.Read(
            Element("""{"metadata":{"name":"a"},"spec":{"project":"p","destination":{"namespace":"n"}}}"""), ArgoCdJsonContext.Default.Application);

        Assert.Equal("p", application.Spec.Project);
    }

    [Theory]
    [InlineData("""{"metadata":null,"spec":{}}""")]
    [InlineData("""{"metadata":{"name":"a"},"spec":null}""")]
    public void Read_NullWhereApplicationHasNoRoom_JsonException(string json) =>
        Assert.Throws<JsonException>(() => AdmissionObjectReader.Read(Element(json), ArgoCdJsonContext.Default.Application));

    [Theory]
    [InlineData("""{"spec":null}""", null)]
    [InlineData("""{"spec":{"metrics":[null]}}""", "$.spec.metrics[0] is null")]
    [InlineData("""{"spec":{"metrics":[{"name":"m","provider":null}]}}""", null)]
    [InlineData("""{"spec":{"metrics":[{"name":null,"provider":{}}]}}""", null)]
    [InlineData("""{"spec":{"args":[{"name":"a"}],"templates":[{"templateName":"t"},null]}}""", "$.spec.templates[1] is null")]
    public void Read_NullInAnalysisTemplate_JsonExceptionNamingTheListElement(string json, string? message)
    {
        var e = Assert.Throws<JsonException>(() => AdmissionObjectReader.Read(Element(json), RolloutsJsonContext.Default.AnalysisTemplate));

        if (message is not null)
        {
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Read_RolloutWithNullStep_JsonException()
    {
        var e = Assert.Throws<JsonException>(() => AdmissionObjectReader.Read(
            Element("""{"spec":{"strategy":{"canary":{"steps":[{"setWeight":1},null]}}}}"""), RolloutsJsonContext.Default.Rollout));

        Assert.StartsWith("$.spec.strategy.canary.steps[1] is null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Array_JsonException() =>
        Assert.Throws<JsonException>(() => AdmissionObjectReader.Read(Element("[]"), RolloutsJsonContext.Default.Rollout));

    [Fact]
    public void Read_SkippingStatusAndMetadataExtras_LeavesThemUnreadAndReadsTheRest()
    {
        var type = AdmissionObjectReader.Skipping(
            ArgoCdJsonContext.Default.Application, (typeof(Application), "status"), (typeof(V1ObjectMeta), null));

        var application = AdmissionObjectReader.Read(
            Element("""{"metadata":{"name":"a","managedFields":[{"manager":"kubectl"}]},"spec":{"project":"p"},"operation":{"sync":{}},"status":{"resources":[{"kind":"Deployment"}]}}"""),
            type);

        Assert.Equal(("a", "p"), (application.Metadata.Name, application.Spec.Project));
        Assert.NotNull(application.Operation);
        Assert.Null(application.Status);
        Assert.Null(application.Metadata.AdditionalProperties);
    }

    [Theory]
    [InlineData("""{"metadata":{"name":"a"},"spec":null}""")]
    [InlineData("""{"metadata":{"name":"a"},"spec":{"sources":[null]}}""")]
    public void Read_SkippingTypeWithNullWhereThereIsNoRoom_StillJsonException(string json)
    {
        var type = AdmissionObjectReader.Skipping(ArgoCdJsonContext.Default.Application, (typeof(Application), "status"));

        Assert.Throws<JsonException>(() => AdmissionObjectReader.Read(Element(json), type));
    }

    [Fact]
    public void Skipping_SharedContext_LeavesTheContextsOwnTypeReadingEverything()
    {
        _ = AdmissionObjectReader.Skipping(ArgoCdJsonContext.Default.Application, (typeof(Application), "status"));

        var application = JsonSerializer.Deserialize("""{"metadata":{"name":"a"},"spec":{},"status":{"sync":{}}}""", ArgoCdJsonContext.Default.Application)!;

        Assert.NotNull(application.Status);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
