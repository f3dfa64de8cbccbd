using System.Text.Json.Nodes;
using Tollgate.Shared.Crds;
using Tollgate.Shared.Tests.Crds.Kinds;
using static Tollgate.Shared.Tests.Crds.CrdJson;

namespace Tollgate.Shared.Tests.Crds;

public sealed class CrdGeneratorTests
{
    private static readonly JsonObject GadgetCrd = CrdGenerator.Generate<Gadget>(CrdTestJsonContext.Default.Options);

    [Fact]
    public void Generate_Kind_NamesTheCrdAfterPluralAndGroup()
    {
        Assert.Equal("apiextensions.k8s.io/v1", GadgetCrd["apiVersion"]!.GetValue<string>());
        Assert.Equal("gadgets.crds.test.tollgate.dev", GadgetCrd["metadata"]!["name"]!.GetValue<string>());
        var names = GadgetCrd["spec"]!["names"]!;
        Assert.Equal(("Gadget", "GadgetList", "gadgets", "gadget"), (
            names["kind"]!.GetValue<string>(), names["listKind"]!.GetValue<string>(),
            names["plural"]!.GetValue<string>(), names["singular"]!.GetValue<string>()));
        Assert.Equal(["gd", "gds"], Strings(names["shortNames"]));
        Assert.Equal(["tollgate-tests"], Strings(names["categories"]));
        Assert.Equal("Namespaced", GadgetCrd["spec"]!["scope"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_IntOrString_IsIntOrStringWithoutType()
    {
        var schema = Schema(GadgetCrd, "spec", "maxSurge");

        Assert.True(schema["x-kubernetes-int-or-string"]!.GetValue<bool>());
        Assert.Null(schema["type"]);
        Assert.Equal(["integer", "string"], schema["anyOf"]!.AsArray().Select(t => t!["type"]!.GetValue<string>()));
        Assert.Equal("Surge as a number or a percentage.", schema["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_StringEnum_ListsWireNames()
    {
        var schema = Schema(GadgetCrd, "spec", "color");

        Assert.Equal("string", schema["type"]!.GetValue<string>());
        Assert.Equal(["Red", "Green", "dark-blue"], Strings(schema["enum"]));
        Assert.Equal("The color of a gadget.", schema["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_NumericEnum_ThrowsNamingTheConverter()
    {
        var error = Assert.Throws<NotSupportedException>(() => CrdGenerator.Generate<Probe<NumericEnumSpec>>(CrdTestJsonContext.Default.Options));

        Assert.Contains("JsonStringEnumConverter<Shade>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_RecursiveType_ThrowsBecauseSchemasCannotRecurse()
    {
        var error = Assert.Throws<NotSupportedException>(() => CrdGenerator.Generate<Probe<RecursiveSpec>>(CrdTestJsonContext.Default.Options));

        Assert.Contains("RecursiveSpec contains itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_EntityAttributeDisagreeingWithResource_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CrdGenerator.Generate<MislabelledKind>(CrdTestJsonContext.Default.Options));

        Assert.Contains("[KubernetesEntity]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_RequiredAttributes_ListedOnTheParent()
    {
        Assert.Equal(["spec"], Strings(Schema(GadgetCrd)["required"]));
        Assert.Equal(["color"], Strings(Schema(GadgetCrd, "spec")["required"]));
        Assert.Equal(["name"], Strings(Schema(GadgetCrd, "spec", "parts", "[]")["required"]));
        Assert.Null(Schema(GadgetCrd, "status")["required"]);
    }

    [Fact]
    public void Generate_ValidationAttributes_BecomeSchemaKeywords()
    {
        var weight = Schema(GadgetCrd, "spec", "weight");
        Assert.Equal((0, 100), (weight["minimum"]!.GetValue<int>(), weight["maximum"]!.GetValue<int>()));
        Assert.Equal("^[a-z]+$", Schema(GadgetCrd, "spec", "code")["pattern"]!.GetValue<string>());
        Assert.Equal(["fast", "slow"], Strings(Schema(GadgetCrd, "spec", "speed")["enum"]));
        Assert.Equal(1, Schema(GadgetCrd, "spec", "parts", "[]", "tags")["minItems"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("replicas", "integer", "int32")]
    [InlineData("size", "integer", "int64")]
    [InlineData("ratio", "number", "double")]
    [InlineData("startAt", "string", "date-time")]
    [InlineData("code", "string", null)]
    public void Generate_Primitives_HaveTypeAndFormat(string property, string type, string? format)
    {
        var schema = Schema(GadgetCrd, "spec", property);

        Assert.Equal(type, schema["type"]!.GetValue<string>());
        Assert.Equal(format, schema["format"]?.GetValue<string>());
    }

    [Fact]
    public void Generate_JsonElementWithoutSchemaType_AcceptsAnyValueAndKeepsIt()
    {
        var schema = Schema(GadgetCrd, "spec", "anything");

        Assert.Equal("""{"x-kubernetes-preserve-unknown-fields":true}""", schema.ToJsonString());
    }

    [Fact]
    public void Generate_JsonElementArrayAndJsonObject_AreTypedAndPreserved()
    {
        Assert.Equal(
            """{"type":"array","items":{"x-kubernetes-preserve-unknown-fields":true}}""",
            Schema(GadgetCrd, "spec", "extras").ToJsonString());
        Assert.Equal(
            """{"type":"object","x-kubernetes-preserve-unknown-fields":true}""",
            Schema(GadgetCrd, "spec", "settings").ToJsonString());
    }

    [Fact]
    public void Generate_PodTemplate_IsAnOpaqueObject()
    {
        var schema = Schema(GadgetCrd, "spec", "template");

        Assert.Equal("""{"type":"object","x-kubernetes-preserve-unknown-fields":true}""", schema.ToJsonString());
    }

    [Fact]
    public void Generate_PreserveUnknownFieldsOnProperty_KeepsTheDescribedProperties()
    {
        var schema = Schema(GadgetCrd, "spec", "loose");

        Assert.True(schema["x-kubernetes-preserve-unknown-fields"]!.GetValue<bool>());
        Assert.Equal("string", Schema(GadgetCrd, "spec", "loose", "name")["type"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_Collections_BecomeItemsAndAdditionalProperties()
    {
        Assert.Equal("""{"type":"object","additionalProperties":{"type":"string"}}""", Schema(GadgetCrd, "spec", "labels").ToJsonString());
        Assert.Equal("object", Schema(GadgetCrd, "spec", "partsByName", "{}")["type"]!.GetValue<string>());
        Assert.Equal("A part of a gadget.", Schema(GadgetCrd, "spec", "parts", "[]")["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_Names_FollowTheSerializerAndSkipIgnoredAndExtensionData()
    {
        var names = Schema(GadgetCrd, "spec")["properties"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("URL", names);
        Assert.Contains("maxSurge", names);
        Assert.DoesNotContain("notSerialized", names);
        Assert.DoesNotContain("additionalProperties", names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Generate_KindMetadata_IsAPlainObject()
    {
        Assert.Equal("""{"type":"object"}""", Schema(GadgetCrd, "metadata").ToJsonString());
        Assert.Equal("A gadget for generator tests.", Schema(GadgetCrd)["description"]!.GetValue<string>());
    }

    [Fact]
    public void Generate_PrinterColumns_InDeclarationOrder()
    {
        var columns = Version(GadgetCrd)["additionalPrinterColumns"]!.AsArray();

        Assert.Equal(
            """[{"name":"Color","type":"string","jsonPath":".spec.color","description":"Color of the gadget"},{"name":"Code","type":"string","jsonPath":".spec.code","priority":1}]""",
            columns.ToJsonString());
    }

    [Fact]
    public void Generate_Subresources_StatusAndScale()
    {
        Assert.Equal(
            """{"status":{},"scale":{"specReplicasPath":".spec.replicas","statusReplicasPath":".status.replicas","labelSelectorPath":".status.selector"}}""",
            Version(GadgetCrd)["subresources"]!.ToJsonString());
    }

    [Fact]
    public void Generate_KindWithoutSubresourcesOrColumns_OmitsThem()
    {
        var crd = CrdGenerator.Generate<Probe<GadgetStatus>>(CrdTestJsonContext.Default.Options);

        Assert.Null(Version(crd)["subresources"]);
        Assert.Null(Version(crd)["additionalPrinterColumns"]);
        Assert.Null(crd["spec"]!["names"]!["shortNames"]);
    }
}
