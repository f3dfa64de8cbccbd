using System.Text.Json.Nodes;
using Tollgate.Shared.Crds;
using Tollgate.Shared.Tests.Crds.Kinds;
using Tollgate.Shared.Tests.Support;
using Tollgate.Testing;
using Tollgate.Testing.ControlPlane;
using static Tollgate.Shared.Tests.Crds.CrdJson;

namespace Tollgate.Shared.Tests.Crds;

/// <summary>A CRD using every generator feature is structural, and the API server enforces what it says.</summary>
public sealed class GeneratedCrdTests(ControlPlaneFixture fixture) : ControlPlaneTest(fixture)
{
    [Fact]
    public async Task Apply_ValidGadget_KeepsOpaqueAndPreservedFields()
    {
        await InstallGadgetCrdAsync();
        var gadget = Gadget("ok", """
            {"color":"dark-blue","maxSurge":"25%","weight":100,"code":"abc","speed":"slow","anything":"text","extras":[1,{"a":"b"}],
             "settings":{"deep":{"x":1}},"labels":{"a":"b"},"partsByName":{"p":{"name":"p"}},"parts":[{"name":"wheel","tags":["round"]}],
             "template":{"spec":{"containers":[{"name":"c","image":"i"}]}},"loose":{"name":"l","extra":true},"URL":"https://x"}
            """);

        var result = await ApplyAsync(gadget);

        Assert.True(result.Succeeded, result.ToString());
        AssertContains(gadget, await GetAsync("ok"));
    }

    [Theory]
    [InlineData("""{"color":"red"}""", "spec.color")]
    [InlineData("""{"color":"Red","weight":101}""", "spec.weight")]
    [InlineData("""{"color":"Red","code":"ABC"}""", "spec.code")]
    [InlineData("""{"color":"Red","speed":"medium"}""", "spec.speed")]
    [InlineData("""{"color":"Red","parts":[{"tags":[]}]}""", "spec.parts")]
    [InlineData("""{"weight":1}""", "spec.color")]
    public async Task Apply_InvalidGadget_IsRejectedNamingTheField(string spec, string field)
    {
        await InstallGadgetCrdAsync();

        var result = await ApplyAsync(Gadget("bad", spec));

        Assert.False(result.Succeeded, result.ToString());
        // The API server names the path (spec.color); kubectl's own validation, once it has the CRD's OpenAPI, names the
        // parent and the missing field (ValidationError(Gadget.spec): missing required field "color").
        var missingField = $"missing required field \"{field[(field.LastIndexOf('.') + 1)..]}\"";
        Assert.True(
            result.Stderr.Contains(field, StringComparison.Ordinal) || result.Stderr.Contains(missingField, StringComparison.Ordinal),
            result.ToString());
    }

    [Fact]
    public async Task Apply_UndescribedField_IsPrunedOutsidePreservedObjects()
    {
        await InstallGadgetCrdAsync();

        var result = await ApplyAsync(Gadget("pruned", """{"color":"Green","unknown":1,"loose":{"name":"l","kept":1}}"""), "--validate=false");

        Assert.True(result.Succeeded, result.ToString());
        var spec = (await GetAsync("pruned"))["spec"]!;
        Assert.Null(spec["unknown"]);
        Assert.Equal(1, spec["loose"]!["kept"]!.GetValue<int>());
    }

    private async Task InstallGadgetCrdAsync()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Plane.WorkDirectory, "gadget-crd")).FullName;
        var crd = CrdGenerator.Generate<Gadget>(CrdTestJsonContext.Default.Options);
        await File.WriteAllTextAsync(Path.Combine(directory, "gadgets.yaml"), ManifestYaml.Write(crd));
        await Plane.InstallCrdsAsync(directory, Timeout());
    }

    private JsonObject Gadget(string name, string spec) => new()
    {
        ["apiVersion"] = "crds.test.tollgate.dev/v1",
        ["kind"] = "Gadget",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = Namespace },
        ["spec"] = JsonNode.Parse(spec),
    };

    private async Task<KubectlResult> ApplyAsync(JsonObject manifest, params string[] options)
    {
        var path = Path.Combine(Plane.WorkDirectory, $"{Namespace}-{manifest["metadata"]!["name"]}.json");
        await File.WriteAllTextAsync(path, manifest.ToJsonString());
        return await Plane.KubectlAsAdminAsync(["apply", "-f", path, .. options]);
    }

    private async Task<JsonObject> GetAsync(string name)
    {
        var result = await Plane.KubectlAsAdminAsync("get", "gadgets.crds.test.tollgate.dev", name, "-n", Namespace, "-o", "json");
        Assert.True(result.Succeeded, result.ToString());
        return JsonNode.Parse(result.Stdout)!.AsObject();
    }
}
