using System.Text.Json.Nodes;
using Tollgate.Shared.Crds;
using Tollgate.Shared.Yaml;

namespace Tollgate.Shared.Tests.Crds;

public sealed class ManifestYamlTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("Off")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("5")]
    [InlineData("5m")]
    [InlineData("1.5")]
    [InlineData("-1")]
    [InlineData(".5")]
    [InlineData(".inf")]
    [InlineData("0x1F")]
    [InlineData("2024-01-01")]
    [InlineData("a: b")]
    [InlineData("a #b")]
    [InlineData("ends:")]
    [InlineData("- item")]
    [InlineData("#comment")]
    [InlineData("'quoted'")]
    [InlineData("\"double\"")]
    [InlineData("{x}")]
    [InlineData("*alias")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%percent")]
    [InlineData("@at")]
    [InlineData(" leading")]
    [InlineData("trailing ")]
    [InlineData("tab\there")]
    [InlineData("two\nlines")]
    [InlineData("ends with newline\n")]
    [InlineData("trailing space \nline")]
    [InlineData("\n")]
    [InlineData("bell\a")]
    [InlineData("ünïcode")]
    [InlineData(".spec.replicas")]
    [InlineData("query {{args.name}} [5m]")]
    [InlineData("---")]
    [InlineData("...")]
    [InlineData("line\n---\nafter")]
    [InlineData("p, proj:production:developer, applications, sync, production/*, allow")]
    public void Write_AnyString_ReadsBackAsTheSameString(string text)
    {
        var document = new JsonObject
        {
            ["value"] = text,
            [text.Length == 0 ? "empty" : text] = "key",
            ["list"] = new JsonArray(text, new JsonObject { ["nested"] = text }),
        };

        var yaml = ManifestYaml.Write(document);

        Assert.Equal(document.ToJsonString(), Assert.Single(YamlJson.ParseDocuments(yaml)).ToJsonString());
    }

    [Fact]
    public void Write_Document_UsesKubernetesBlockStyle()
    {
        var document = new JsonObject
        {
            ["kind"] = "List",
            ["items"] = new JsonArray(new JsonObject { ["a"] = 1, ["b"] = new JsonArray("x", "z") }, new JsonArray(1, 2)),
            ["empty"] = new JsonObject(),
            ["none"] = new JsonArray(),
            ["flag"] = true,
            ["nothing"] = null,
            ["text"] = "line one\nline two",
        };

        var yaml = ManifestYaml.Write(document, "generated");

        Assert.Equal(
            """
            # generated
            kind: List
            items:
            - a: 1
              b:
              - x
              - z
            - - 1
              - 2
            empty: {}
            none: []
            flag: true
            nothing: null
            text: |-
              line one
              line two

            """.ReplaceLineEndings("\n"),
            yaml);
    }
}
