using System.Text.Json.Nodes;
using Tollgate.Shared.Yaml;

namespace Tollgate.Shared.Tests.Yaml;

public sealed class YamlJsonTests
{
    [Theory]
    [InlineData("v: 5", "{\"v\":5}")]
    [InlineData("v: '5'", "{\"v\":\"5\"}")]
    [InlineData("v: \"true\"", "{\"v\":\"true\"}")]
    [InlineData("v: true", "{\"v\":true}")]
    [InlineData("v: 1.5", "{\"v\":1.5}")]
    [InlineData("v: ~", "{\"v\":null}")]
    [InlineData("v:", "{\"v\":null}")]
    [InlineData("v: 25%", "{\"v\":\"25%\"}")]
    [InlineData("v: 5m", "{\"v\":\"5m\"}")]
    [InlineData("v: [a, 1]", "{\"v\":[\"a\",1]}")]
    [InlineData("v: {duration: 5m}", "{\"v\":{\"duration\":\"5m\"}}")]
    [InlineData("group: ''", "{\"group\":\"\"}")]
    public void ParseDocuments_Scalars_FollowKubectlTyping(string yaml, string json)
    {
        var doc = Assert.Single(YamlJson.ParseDocuments(yaml));

        Assert.Equal(json, doc.ToJsonString());
    }

    [Fact]
    public void ParseDocuments_MultiDocumentStream_SkipsEmptyDocuments()
    {
        var docs = YamlJson.ParseDocuments("kind: A\n---\n---\n# only a comment\n---\nkind: B\n");

        Assert.Equal(["A", "B"], docs.Select(d => d["kind"]!.GetValue<string>()));
    }

    [Fact]
    public void ParseDocuments_SeedRollout_KeepsStepsAndPauses()
    {
        var doc = Assert.Single(YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Yaml", "rollout.yaml"))));

        var steps = doc["spec"]!["strategy"]!["canary"]!["steps"]!.AsArray();
        Assert.Equal(7, steps.Count);
        Assert.Equal(10, steps[0]!["setWeight"]!.GetValue<long>());
        Assert.Equal("5m", steps[1]!["pause"]!["duration"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("a: [unclosed", "invalid YAML at line")]
    [InlineData("- a\n- b", "must be a mapping")]
    public void ParseDocuments_Invalid_ThrowsFormatExceptionWithPlace(string yaml, string expected)
    {
        var error = Assert.Throws<FormatException>(() => YamlJson.ParseDocuments(yaml));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
