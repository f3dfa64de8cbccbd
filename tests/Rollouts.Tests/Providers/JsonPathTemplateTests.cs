using System.Text;
using Tollgate.Rollouts.Providers.Web;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class JsonPathTemplateTests
{
    private const string Document = """
        {
          "status": "success",
          "data": {
            "ok": true,
            "rate": 0.25,
            "name": "checkout",
            "missing": null,
            "values": [1, 2, 3, 4, 5],
            "items": [
              {"name": "a", "count": 3, "tags": {"tier": "gold"}},
              {"name": "b", "count": 7},
              {"name": "c", "count": 1, "tags": {"tier": "silver"}}
            ],
            "dotted.key": "yes"
          }
        }
        """;

    [Theory]
    [InlineData("{$}", """{"data":{"dotted.key":"yes","items":[{"count":3,"name":"a","tags":{"tier":"gold"}},{"count":7,"name":"b"},{"count":1,"name":"c","tags":{"tier":"silver"}}],"missing":null,"name":"checkout","ok":true,"rate":0.25,"values":[1,2,3,4,5]},"status":"success"}""")]
    [InlineData("{.status}", "\"success\"")]
    [InlineData("{$.data.ok}", "true")]
    [InlineData("{.data.rate}", "0.25")]
    [InlineData("{.data.missing}", "null")]
    [InlineData("{.data.values}", "[1,2,3,4,5]")]
    [InlineData("{.data.values[0]}", "1")]
    [InlineData("{.data.values[-1]}", "5")]
    [InlineData("{.data.values[1:3]}", "2")]
    [InlineData("{.data.values[::2]}", "1")]
    [InlineData("{.data.values[*]}", "1")]
    [InlineData("{.data.items[1].name}", "\"b\"")]
    [InlineData("{.data.items[*].count}", "3")]
    [InlineData("{.data.items[?(@.name == \"b\")].count}", "7")]
    [InlineData("{.data.items[?(@.name == 'c')].count}", "1")]
    [InlineData("{.data.items[?(@.count > 5.0)].name}", "\"b\"")]
    [InlineData("{.data.items[?(@.tags)].name}", "\"a\"")]
    [InlineData("{.data.items[?(@.tags)].tags.tier}", "\"gold\"")]
    [InlineData("{.data.items[?(@.name =~ \"^[bc]$\")].name}", "\"b\"")]
    [InlineData("{..count}", "3")]
    [InlineData("{.data['name']}", "\"checkout\"")]
    [InlineData("{.data.dotted\\.key}", "\"yes\"")]
    [InlineData("{.data.values[4,0]}", "5")]
    [InlineData("{.data.items[0].tags.*}", "\"gold\"")]
    [InlineData("rate={.data.rate}", "\"rate=\"")]
    [InlineData("$.data.ok", "\"$.data.ok\"")]
    public void FirstValue_Template_ArgoValueText(string template, string expected) =>
        Assert.Equal(expected, JsonValues.Marshal(JsonPathTemplate.Parse(template).FirstValue(Parse(Document))));

    [Theory]
    [InlineData("{.data.values[*]}", "[1,2,3,4,5]")]
    [InlineData("{.data.items[*].name}", """["a","b","c"]""")]
    [InlineData("{.data.items[?(@.count < 5.0)].name}", """["a","c"]""")]
    [InlineData("{.data.values[1:4]}", "[2,3,4]")]
    [InlineData("{.data.values[-2:]}", "[4,5]")]
    [InlineData("{.data.values[0:5:2]}", "[1,3,5]")]
    [InlineData("{.data.values[2:2]}", "[]")]
    [InlineData("{..tier}", """["gold","silver"]""")]
    public void FindResults_Template_AllValuesInDocumentOrder(string template, string expected) =>
        Assert.Equal(expected, JsonValues.Marshal(JsonPathTemplate.Parse(template).FindResults(Parse(Document))[0]));

    [Theory]
    [InlineData("{.data.nope}", "nope is not found")]
    [InlineData("{.data.missing.x}", "x is not found")]
    [InlineData("{.data.values[9]}", "array index out of bounds: index 9, length 5")]
    [InlineData("{.data.rate[0]}", "float64 is not array or slice")]
    [InlineData("{.data.items[?(@.count > 5)].name}", "incompatible types for comparison")]
    [InlineData("{.data.values[0:4:0]}", "step must be > 0")]
    [InlineData("{.data.items[?(@.tags.tier == \"silver\")].name}", "tags is not found")]
    [InlineData("{.data.values[3:1]}", "starting index 3 is greater than ending index 1")]
    [InlineData("{range .data.items[*]}{.name}{end}", "range is not supported")]
    [InlineData("{.data.items[?(@.name == \"none\")].count}", "result of web metric produced no value")]
    public void FirstValue_NoValue_FormatException(string template, string message)
    {
        var exception = Assert.Throws<FormatException>(() => JsonPathTemplate.Parse(template).FirstValue(Parse(Document)));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{.data", "unclosed action")]
    [InlineData("{.data[0}", "unterminated array")]
    [InlineData("{.data[x]}", "invalid array index x")]
    [InlineData("{.data[?(@.a == 1}", "unterminated filter")]
    [InlineData("{....a}", "invalid multiple recursive descent")]
    [InlineData("{#a}", "unrecognized character in action")]
    [InlineData("{\"abc}", "unterminated quoted string")]
    public void Parse_BadTemplate_FormatException(string template, string message)
    {
        var exception = Assert.Throws<FormatException>(() => JsonPathTemplate.Parse(template));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    private static object? Parse(string json)
    {
        Assert.True(JsonValues.TryParse(Encoding.UTF8.GetBytes(json), out var value));
        return value;
    }
}
