using System.Text.Json;
using Tollgate.Rollouts.Strategy;

namespace Tollgate.Rollouts.Tests.Strategy;

public sealed class EphemeralMetadataTests
{
    [Fact]
    public void Serialize_LabelsAndAnnotations_SortedAndEmptyPartsLeftOut()
    {
        var json = JsonDocument.Parse("""{"labels":{"b":"2","a":"1"},"annotations":{}}""").RootElement.Clone();

        Assert.Equal("""{"labels":{"a":"1","b":"2"}}""", EphemeralMetadata.Serialize(json));
    }

    [Fact]
    public void Serialize_Nothing_Null() => Assert.Null(EphemeralMetadata.Serialize(null));

    [Fact]
    public void Apply_Desired_AddedWithoutTouchingOthers()
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["sidecar"] = "istio" };
        var annotations = new Dictionary<string, string>();

        var changed = EphemeralMetadata.Apply(labels, annotations, null, """{"labels":{"role":"canary"}}""");

        Assert.True(changed);
        Assert.Equal("canary", labels["role"]);
        Assert.Equal("istio", labels["sidecar"]);
    }

    [Fact]
    public void Apply_RoleChanges_PreviousTakenOffNewPutOn()
    {
        var labels = new Dictionary<string, string> { ["role"] = "canary", ["canary-only"] = "x", ["app"] = "web" };
        var annotations = new Dictionary<string, string>();

        EphemeralMetadata.Apply(labels, annotations, """{"labels":{"canary-only":"x","role":"canary"}}""", """{"labels":{"role":"stable"},"annotations":{"tier":"prod"}}""");

        Assert.Equal("stable", labels["role"]);
        Assert.False(labels.ContainsKey("canary-only"));
        Assert.Equal("web", labels["app"]);
        Assert.Equal("prod", annotations["tier"]);
    }

    [Fact]
    public void Apply_AlreadyInPlace_NoChange()
    {
        var labels = new Dictionary<string, string> { ["role"] = "stable" };

        Assert.False(EphemeralMetadata.Apply(labels, new Dictionary<string, string>(), """{"labels":{"role":"stable"}}""", """{"labels":{"role":"stable"}}"""));
    }

    [Fact]
    public void Apply_UnreadablePreviousRecord_TreatedAsNothingInjected()
    {
        var labels = new Dictionary<string, string> { ["role"] = "canary" };

        EphemeralMetadata.Apply(labels, new Dictionary<string, string>(), "{not json", null);

        Assert.Equal("canary", labels["role"]);
    }
}
