using System.Text.Json.Nodes;
using Tollgate.Shared.Yaml;

namespace Tollgate.Shared.Tests.Yaml;

/// <summary>
/// KubernetesClient 21 forces YamlDotNet 16.3 → 18.1. These pin the parser behaviour our YAML → JSON conversion
/// depends on (styles, tags, anchors, block scalars, documents, errors); they pass on both versions.
/// </summary>
public sealed class YamlDotNetUpgradeTests
{
    [Theory]
    [InlineData("v: \"5\"", "{\"v\":\"5\"}")]
    [InlineData("v: -7", "{\"v\":-7}")]
    [InlineData("v: +7", "{\"v\":7}")]
    [InlineData("v: 1e3", "{\"v\":1000}")]
    [InlineData("v: .5", "{\"v\":0.5}")]
    [InlineData("v: 0x1F", "{\"v\":\"0x1F\"}")]
    [InlineData("v: 0o17", "{\"v\":\"0o17\"}")]
    [InlineData("v: yes", "{\"v\":\"yes\"}")]
    [InlineData("v: NULL", "{\"v\":null}")]
    [InlineData("v: 2026-12-02T05:00:00Z", "{\"v\":\"2026-12-02T05:00:00Z\"}")]
    [InlineData("v: \"caf\\u00e9\"", "{\"v\":\"café\"}")]
    [InlineData("v: 'it''s'", "{\"v\":\"it\\u0027s\"}")]
    [InlineData("v: |\n  a\n  b\n", "{\"v\":\"a\\nb\\n\"}")]
    [InlineData("v: |-\n  a\n  b\n", "{\"v\":\"a\\nb\"}")]
    [InlineData("v: >\n  a\n  b\n", "{\"v\":\"a b\\n\"}")]
    [InlineData("v: [1, [2, {k: x}]]", "{\"v\":[1,[2,{\"k\":\"x\"}]]}")]
    [InlineData("a: &x {k: 1}\nb: *x", "{\"a\":{\"k\":1},\"b\":{\"k\":1}}")]
    [InlineData("v: a # comment", "{\"v\":\"a\"}")]
    [InlineData("\"quoted key\": 1", "{\"quoted key\":1}")]
    public void ParseDocuments_Scalars_SameOnYamlDotNet16And18(string yaml, string json)
    {
        var doc = Assert.Single(YamlJson.ParseDocuments(yaml));

        Assert.Equal(JsonNode.Parse(json)!.ToJsonString(), doc.ToJsonString());
    }

    [Fact]
    public void ParseDocuments_DocumentMarkers_EndMarkerAndDirectivesRead()
    {
        var docs = YamlJson.ParseDocuments("%YAML 1.2\n---\nkind: A\n...\n---\nkind: B\n");

        Assert.Equal(["A", "B"], docs.Select(d => d["kind"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("a: [1, 2")]
    [InlineData("a: b: c")]
    [InlineData("a: *missing")]
    [InlineData("a: 1\na: 2")]
    public void ParseDocuments_InvalidYaml_FormatException(string yaml)
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.ParseDocuments(yaml));

        Assert.StartsWith("invalid YAML at line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseDocuments_TopLevelSequence_Refused()
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.ParseDocuments("- a\n- b\n"));

        Assert.Contains("mapping at the top level", error.Message, StringComparison.Ordinal);
    }
}
