using System.Text.Json.Nodes;
using Tollgate.Shared.Admission.Patching;

namespace Tollgate.Shared.Tests.Admission;

public sealed class MutationMergeTests
{
    [Theory]
    [InlineData("""{"a":1,"x":9}""", """{"a":1}""", """{"a":1}""", """{"a":1,"x":9}""")]
    [InlineData("""{"a":1,"x":9}""", """{"a":1}""", """{"a":2}""", """{"a":2,"x":9}""")]
    [InlineData("""{"m":1}""", """{"m":1,"spec":{"size":0}}""", """{"m":1,"spec":{"size":0,"color":"g"}}""", """{"m":1,"spec":{"color":"g"}}""")]
    [InlineData("""{"a":1,"b":2,"x":3}""", """{"a":1,"b":2}""", """{"a":1}""", """{"a":1,"x":3}""")]
    [InlineData("""{"c":[{"n":"a","u":1}]}""", """{"c":[{"n":"a"}]}""", """{"c":[{"n":"b"}]}""", """{"c":[{"n":"b","u":1}]}""")]
    [InlineData("""{"c":[{"n":"a","u":1}]}""", """{"c":[{"n":"a"}]}""", """{"c":[{"n":"a"},{"n":"b"}]}""", """{"c":[{"n":"a"},{"n":"b"}]}""")]
    [InlineData("""{"t":"2024-01-01T00:00:00.000Z","a":1}""", """{"t":"2024-01-01T00:00:00Z","a":1}""", """{"t":"2024-01-01T00:00:00Z","a":2}""", """{"t":"2024-01-01T00:00:00.000Z","a":2}""")]
    public void Apply_HandlerChanges_ReachOriginalWithoutSerializationArtifacts(string original, string baseline, string modified, string expected)
    {
        var merged = MutationMerge.Apply(JsonNode.Parse(original), JsonNode.Parse(baseline), JsonNode.Parse(modified));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), merged), merged?.ToJsonString());
    }
}
