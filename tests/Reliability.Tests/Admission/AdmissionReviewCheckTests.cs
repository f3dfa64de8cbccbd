using System.Text.Json;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Reliability.Tests.Admission;

public sealed class AdmissionReviewCheckTests
{
    private const string Valid = """
        {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u1",
         "kind":{"group":"apps","version":"v1","kind":"Deployment"},"resource":{"group":"","version":"v1","resource":"pods"},
         "operation":"CREATE","userInfo":{"username":"a","groups":["g"],"extra":{"k":["v"]}}}}
        """;

    [Fact]
    public void Problem_ValidReview_Null() => Assert.Null(AdmissionReviewCheck.Problem(Parse(Valid)));

    [Theory]
    [InlineData("\"apiVersion\":\"admission.k8s.io/v1\"", "\"apiVersion\":\"admission.k8s.io/v1beta1\"", "apiVersion is \"admission.k8s.io/v1beta1\"")]
    [InlineData("\"kind\":\"AdmissionReview\"", "\"kind\":\"Review\"", "kind is \"Review\"")]
    [InlineData("\"uid\":\"u1\"", "\"uid\":\"\"", "request.uid is missing")]
    [InlineData("\"groups\":[\"g\"]", "\"groups\":[\"g\",null]", "request.userInfo.groups holds a null element")]
    [InlineData("\"extra\":{\"k\":[\"v\"]}", "\"extra\":{\"k\":null}", "request.userInfo.extra[\"k\"] is null or holds a null element")]
    [InlineData("\"extra\":{\"k\":[\"v\"]}", "\"extra\":{\"k\":[null]}", "request.userInfo.extra[\"k\"] is null or holds a null element")]
    public void Problem_BrokenEnvelope_SaysWhat(string field, string broken, string expected) =>
        Assert.StartsWith(expected, AdmissionReviewCheck.Problem(Parse(Valid.Replace(field, broken, StringComparison.Ordinal))), StringComparison.Ordinal);

    [Fact]
    public void Problem_NoRequest_Says() =>
        Assert.Equal("the AdmissionReview has no request", AdmissionReviewCheck.Problem(Parse("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""")));

    [Fact]
    public void Problem_Null_Says() => Assert.Equal("the body is JSON null, not an AdmissionReview", AdmissionReviewCheck.Problem(null));

    [Fact]
    public void Problem_MegabyteApiVersion_MessageStaysShort()
    {
        var problem = AdmissionReviewCheck.Problem(new AdmissionReview { ApiVersion = new string('x', 1024 * 1024), Kind = AdmissionReview.ReviewKind });

        Assert.True(problem!.Length < 1024, $"{problem.Length} characters");
    }

    /// <summary>The 500 of issue 18: `"group": null` must not parse into a GroupVersionResource whose Group is null.</summary>
    [Theory]
    [InlineData("\"resource\":{\"group\":\"\"", "\"resource\":{\"group\":null")]
    [InlineData("\"kind\":{\"group\":\"apps\"", "\"kind\":{\"group\":null")]
    [InlineData("\"version\":\"v1\",\"resource\"", "\"version\":null,\"resource\"")]
    public void Deserialize_NullWhereTheEnvelopeHasNoRoom_JsonException(string field, string broken) =>
        Assert.Throws<JsonException>(() => Parse(Valid.Replace(field, broken, StringComparison.Ordinal)));

    private static AdmissionReview? Parse(string json) => JsonSerializer.Deserialize(json, AdmissionJsonContext.Default.AdmissionReview);
}
