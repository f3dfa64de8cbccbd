using Tollgate.Rollouts.Providers.Prometheus;

namespace Tollgate.Rollouts.Tests.Providers;

public sealed class PrometheusResponseParserTests
{
    [Theory]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1700000000.1,"0.25"]}]}}""", "[0.25]")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[]}}""", "[]")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1,"1"]},{"metric":{"a":"2"},"value":[1,"NaN"]}]}}""", "[1,NaN]")]
    [InlineData("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"0.5"]}}""", "0.5")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,"1"],[2,"2"]]}]}}""", "[1,2]")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"+Inf"]}]}}""", "[+Inf]")]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"z"},"value":[1,"3"]},{"metric":{"a":"b"},"value":[1,"1e-7"]}]}}""", "[3,0.0000001]")]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"a":"2"},"values":[[1,"5"],[2,"6"]]},{"metric":{"a":"1"},"values":[[1,"7"]]}]}}""", "[5,6,7]")]
    public void Parse_SuccessfulResponse_Text(string body, string expected) =>
        Assert.Equal(expected, PrometheusResponseParser.Parse(body).Text);

    [Fact]
    public void Parse_Vector_ListOfDoubles() =>
        Assert.Equal(
            new[] { 0.25, 1.0 },
            (double[])PrometheusResponseParser.Parse("""{"status":"success","data":{"resultType":"vector","result":[{"value":[1,"0.25"]},{"value":[1,"1"]}]}}""").Value!);

    [Fact]
    public void Parse_Warnings_Metadata() =>
        Assert.Equal(
            "\"w1\", \"w2\"",
            PrometheusResponseParser.Parse("""{"status":"success","warnings":["w1","w2"],"data":{"resultType":"vector","result":[]}}""").Metadata!["warnings"]);

    [Fact]
    public void Parse_Scalar_Double() =>
        Assert.Equal(0.5, (double)PrometheusResponseParser.Parse("""{"status":"success","data":{"resultType":"scalar","result":[1,"0.5"]}}""").Value!);

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error at char 5"}""")]
    [InlineData("""{"status":"success","data":{"resultType":"string","result":[1,"x"]}}""")]
    [InlineData("not json")]
    [InlineData("""{"status":"success"}""")]
    public void Parse_FailedOrUnreadable_Throws(string body) =>
        Assert.Throws<FormatException>(() => PrometheusResponseParser.Parse(body));

    [Theory]
    [InlineData("""{"data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0"]}]}}""", "prometheus response is not a query result: it has no status")]
    [InlineData("null", "prometheus response is not a query result: it has no status")]
    [InlineData("""{"status":"pending"}""", "prometheus response is not a query result: status \"pending\"")]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"garbage"}""", "prometheus query failed: bad_data: garbage")]
    public void Parse_NotASuccess_MessageSaysWhy(string body, string message)
    {
        Assert.Equal(message, Assert.Throws<FormatException>(() => PrometheusResponseParser.Parse(body)).Message);
    }
}
