using System.Text.Json.Nodes;
using Tollgate.Shared.Admission.Patching;

namespace Tollgate.Shared.Tests.Admission;

public sealed class JsonDiffTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { """{"a":1}""", """{"a":1}""", "[]" },
        { """{"a":1}""", """{"a":2}""", """[{"op":"replace","path":"/a","value":2}]""" },
        { """{"a":1}""", """{"a":1,"b":"x"}""", """[{"op":"add","path":"/b","value":"x"}]""" },
        { """{"a":1,"b":"x"}""", """{"a":1}""", """[{"op":"remove","path":"/b"}]""" },
        { """{"m":{"l":{"k":"v"}}}""", """{"m":{"l":{"k":"w","n":"o"}}}""", """[{"op":"replace","path":"/m/l/k","value":"w"},{"op":"add","path":"/m/l/n","value":"o"}]""" },
        { """{"m":{}}""", """{"m":{"a/b":1,"c~d":2}}""", """[{"op":"add","path":"/m/a~1b","value":1},{"op":"add","path":"/m/c~0d","value":2}]""" },
        { """{"l":[1,2]}""", """{"l":[1,2,3,4]}""", """[{"op":"add","path":"/l/2","value":3},{"op":"add","path":"/l/3","value":4}]""" },
        { """{"l":[1,2,3]}""", """{"l":[1]}""", """[{"op":"remove","path":"/l/2"},{"op":"remove","path":"/l/1"}]""" },
        { """{"l":[{"n":"a","v":1},{"n":"b"}]}""", """{"l":[{"n":"a","v":2},{"n":"b"}]}""", """[{"op":"replace","path":"/l/0/v","value":2}]""" },
        { """{"a":{"b":1}}""", """{"a":[1]}""", """[{"op":"replace","path":"/a","value":[1]}]""" },
        { """{"a":null}""", """{"a":{"b":true}}""", """[{"op":"replace","path":"/a","value":{"b":true}}]""" },
        { """{"a":1}""", """{"a":null}""", """[{"op":"replace","path":"/a","value":null}]""" },
        { """{"a":"1"}""", """{"a":1}""", """[{"op":"replace","path":"/a","value":1}]""" },
        { "1", "2", """[{"op":"replace","path":"","value":2}]""" },
        { """{"x":[]}""", """{"x":[[1]]}""", """[{"op":"add","path":"/x/0","value":[1]}]""" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreatePatch_Documents_ProducesExpectedOperations(string source, string target, string expected)
    {
        var patch = JsonDiff.CreatePatch(JsonNode.Parse(source), JsonNode.Parse(target));

        Assert.Equal(expected, patch.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreatePatch_AppliedToSource_YieldsTarget(string source, string target, string expected)
    {
        _ = expected;
        var sourceNode = JsonNode.Parse(source);

        var patched = JsonPatchApplier.Apply(sourceNode, JsonDiff.CreatePatch(sourceNode, JsonNode.Parse(target)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(target), patched), patched?.ToJsonString());
    }

    [Fact]
    public void CreatePatch_SameNumberWrittenDifferently_IsNoChange()
    {
        var patch = JsonDiff.CreatePatch(JsonNode.Parse("""{"a":1.0,"b":1e2}"""), JsonNode.Parse("""{"a":1,"b":100}"""));

        Assert.Empty(patch);
    }

    [Fact]
    public void CreatePatch_MissingSource_ReplacesRoot()
    {
        var patch = JsonDiff.CreatePatch(null, JsonNode.Parse("""{"a":1}"""));

        Assert.Equal("""[{"op":"replace","path":"","value":{"a":1}}]""", patch.ToJsonString());
    }
}
