using System.Text;
using Tollgate.Rollouts.Providers;
using Tollgate.Rollouts.Providers.Web;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class WebResponseReaderTests
{
    [Fact]
    public void Read_JsonObject_SelectedValueAsGoValues()
    {
        var value = WebResponseReader.Read(Bytes("""{"data":{"ok":true,"items":[{"v":1}]}}"""), JsonPathTemplate.Parse("{$.data}"));

        var data = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value.Value);
        Assert.Equal(true, data["ok"]);
        Assert.Equal("""{"items":[{"v":1}],"ok":true}""", value.Text);
    }

    [Theory]
    [InlineData("""{"rate":0.5}""", "{$.rate}", 0.5, "0.5")]
    [InlineData("""{"ok":false}""", "{.ok}", false, "false")]
    [InlineData("""{"s":"up"}""", "{.s}", "up", "\"up\"")]
    [InlineData("""[3,4]""", "{[1]}", 4.0, "4")]
    public void Read_Scalar_ValueAndGoText(string body, string path, object expected, string text)
    {
        var value = WebResponseReader.Read(Bytes(body), JsonPathTemplate.Parse(path));

        Assert.Equal(expected, value.Value);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Read_NotJson_BodyIsTheStringResult()
    {
        var value = WebResponseReader.Read(Bytes("OK 42"), JsonPathTemplate.Parse("{$.x}"));

        Assert.Equal(("OK 42", "OK 42"), ((string)value.Value!, value.Text));
    }

    [Theory]
    [InlineData("""{"a":1}""", "{.b}", "Could not find JSONPath in body: b is not found")]
    [InlineData("""{"a":[]}""", "{.a[*]}", "result of web metric produced no value")]
    public void Read_NoValue_MetricQueryException(string body, string path, string message) =>
        Assert.Equal(message, Assert.Throws<MetricQueryException>(() => WebResponseReader.Read(Bytes(body), JsonPathTemplate.Parse(path))).Message);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
