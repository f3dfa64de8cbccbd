using System.Text;
using Tollgate.Rollouts.Providers.Web;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class JsonValuesTests
{
    [Theory]
    [InlineData("""{"b":1,"a":[true,null,"x"]}""", """{"a":[true,null,"x"],"b":1}""")]
    [InlineData("""{"k":1,"k":2}""", """{"k":2}""")]
    [InlineData("""3""", "3")]
    [InlineData("""3.0""", "3")]
    [InlineData("""1E-7""", "1e-7")]
    [InlineData("""12345678901234567890""", "12345678901234567000")]
    [InlineData("""  "a<b>&c\n\u2028"  """, "\"a\\u003cb\\u003e\\u0026c\\n\\u2028\"")]
    [InlineData("""[]""", "[]")]
    [InlineData("""{}""", "{}")]
    public void Marshal_ParsedJson_GoJsonText(string json, string expected)
    {
        Assert.True(JsonValues.TryParse(Encoding.UTF8.GetBytes(json), out var value));
        Assert.Equal(expected, JsonValues.Marshal(value));
    }

    [Fact]
    public void TryParse_Object_MapsListsAndFloat64()
    {
        Assert.True(JsonValues.TryParse("""{"data":{"ok":true,"n":2,"items":[1,"two",null]}}"""u8.ToArray(), out var value));

        var data = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value)["data"]);
        Assert.Equal(true, data["ok"]);
        Assert.Equal(2.0, Assert.IsType<double>(data["n"]));
        Assert.Equal(new object?[] { 1.0, "two", null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(data["items"]));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"a\":")]
    [InlineData("1e400")]
    [InlineData("")]
    public void TryParse_NotJson_False(string body) => Assert.False(JsonValues.TryParse(Encoding.UTF8.GetBytes(body), out _));
}
