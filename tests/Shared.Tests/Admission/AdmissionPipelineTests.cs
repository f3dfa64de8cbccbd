using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Admission;

public sealed class AdmissionPipelineTests : IAsyncLifetime
{
    private AdmissionTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await AdmissionTestHost.StartAsync(webhooks => webhooks
            .AddWebhook<DenyRedWidgetWebhook>()
            .AddWebhook<ThrowingWebhook>()
            .AddHandler<ScaleLimitHandler>("scale-limit", AdmissionRules.For(Widget.Resource, ["UPDATE"], "scale")));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u\"}} trailing")]
    public async Task Post_MalformedJson_Returns400WithMessage(string body)
    {
        using var response = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("the body", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}""", "request.uid is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":""}}""", "request.uid is missing")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "no request")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{"uid":"u"}}""", "admission.k8s.io/v1beta1")]
    [InlineData("""{"kind":"AdmissionReview","request":{"uid":"u"}}""", "apiVersion")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"ConversionReview","request":{"uid":"u"}}""", "ConversionReview")]
    [InlineData("""{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":42}}""", "not a valid AdmissionReview")]
    [InlineData("null", "JSON null")]
    public async Task Post_UnusableEnvelope_Returns400WithReason(string body, string expected)
    {
        using var response = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Returns413()
    {
        var widget = AdmissionReviews.Widget("big", "blue", extraMetadata: new JsonObject
        {
            ["annotations"] = new JsonObject { ["padding"] = new string('x', (int)AdmissionWebhookOptions.DefaultMaxRequestBodyBytes) },
        });

        using var response = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-big", "CREATE", widget)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("exceeds the limit of 3145728 bytes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        await using var small = await AdmissionTestHost.StartAsync(w => w.AddWebhook<DenyRedWidgetWebhook>(), o => o.MaxRequestBodyBytes = 1024);
        var body = AdmissionReviews.Request("u", "CREATE", AdmissionReviews.Widget("w", "blue", extraMetadata: new JsonObject { ["generateName"] = new string('x', 4096) }));
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body.ToJsonString())));
        content.Headers.ContentType = new("application/json");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/validate/deny-red") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await small.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Get_WebhookPath_Returns405()
    {
        using var response = await host.Client.GetAsync("/validate/deny-red");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_NonJsonContentType_Returns415()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "text/plain");

        using var response = await host.Client.PostAsync("/validate/deny-red", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownPath_Returns404()
    {
        using var response = await host.Client.PostAsync("/validate/nothing-here", AdmissionReviews.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_HandlerThrows_DeniesWithCode500InWellFormedReviewAndLogs()
    {
        using var message = await host.Client.PostAsync(
            "/validate/throws", AdmissionReviews.Json(AdmissionReviews.Request("u-throws", "CREATE", AdmissionReviews.Widget("w"))));

        var (raw, response) = await AdmissionReviews.ReadAsync(message);
        Assert.Equal("u-throws", response.Uid);
        Assert.False(response.Allowed);
        Assert.Equal(500, response.Status!.Code);
        Assert.Equal("InternalError", response.Status.Reason);
        Assert.Contains(ThrowingWebhook.Failure, response.Status.Message, StringComparison.Ordinal);
        Assert.Equal(500, raw["response"]!["status"]!["code"]!.GetValue<int>());
        var logged = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(logged.Exception);
        Assert.Contains("u-throws", logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_RedWidget_DeniedWith403AndUidEchoed()
    {
        using var message = await host.Client.PostAsync(
            "/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-red", "CREATE", AdmissionReviews.Widget("w", "red"))));

        var (raw, response) = await AdmissionReviews.ReadAsync(message);
        Assert.Equal("u-red", raw["response"]!["uid"]!.GetValue<string>());
        Assert.False(raw["response"]!["allowed"]!.GetValue<bool>());
        Assert.Equal(403, response.Status!.Code);
        Assert.Equal("Forbidden", response.Status.Reason);
        Assert.Equal("Failure", response.Status.Status);
        Assert.Equal(DenyRedWidgetWebhook.Denial, response.Status.Message);
        Assert.Null(raw["response"]!["patch"]);
    }

    [Fact]
    public async Task Post_BlueWidget_AllowedWithWarningsAndAuditAnnotations()
    {
        using var message = await host.Client.PostAsync(
            "/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-blue", "CREATE", AdmissionReviews.Widget("w", "blue"))));

        var (raw, response) = await AdmissionReviews.ReadAsync(message);
        Assert.True(response.Allowed);
        Assert.Equal("u-blue", response.Uid);
        Assert.Equal(["widget w is blue"], response.Warnings!);
        Assert.Equal("blue", raw["response"]!["auditAnnotations"]!["color"]!.GetValue<string>());
        Assert.Null(raw["response"]!["status"]);
    }

    [Fact]
    public async Task Post_UpdateOfRedWidget_ReadsNewObject()
    {
        using var message = await host.Client.PostAsync(
            "/validate/deny-red",
            AdmissionReviews.Json(AdmissionReviews.Request("u-upd", "UPDATE", AdmissionReviews.Widget("w", "red"), AdmissionReviews.Widget("w", "blue"))));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
    }

    [Fact]
    public async Task Post_ObjectMissing_DeniedWith400()
    {
        using var message = await host.Client.PostAsync(
            "/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-none", "CREATE", null)));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
        Assert.Equal(400, response.Status!.Code);
        Assert.Contains("request.object is missing", response.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ObjectOfWrongShape_DeniedWith400()
    {
        var widget = AdmissionReviews.Widget("w");
        widget["spec"]!["size"] = "not a number";

        using var message = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-shape", "CREATE", widget)));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
        Assert.Equal(400, response.Status!.Code);
        Assert.Contains("not a valid Widget", response.Status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_OtherKind_DeniedWith400()
    {
        var review = AdmissionReviews.Request("u-kind", "CREATE", AdmissionReviews.Widget("w"));
        review["request"]!["kind"] = new JsonObject { ["group"] = "", ["version"] = "v1", ["kind"] = "ConfigMap" };

        using var message = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json(review));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
        Assert.Contains("not ConfigMap/v1", response.Status!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ConnectOperation_DeniedWith400()
    {
        using var message = await host.Client.PostAsync(
            "/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-connect", "CONNECT", AdmissionReviews.Widget("w"))));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
        Assert.Equal(400, response.Status!.Code);
    }

    [Fact]
    public async Task Post_GenericHandlerOnScaleSubresource_ReadsRawObject()
    {
        var scale = new JsonObject
        {
            ["apiVersion"] = "autoscaling/v1",
            ["kind"] = "Scale",
            ["metadata"] = new JsonObject { ["name"] = "w" },
            ["spec"] = new JsonObject { ["replicas"] = 50 },
        };

        using var message = await host.Client.PostAsync(
            "/validate/scale-limit", AdmissionReviews.Json(AdmissionReviews.Request("u-scale", "UPDATE", scale, scale, subResource: "scale")));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.False(response.Allowed);
        Assert.Equal("at most 10 replicas", response.Status!.Message);
    }

    [Fact]
    public async Task Post_Noop_AllowsEverything()
    {
        using var message = await host.Client.PostAsync(
            AdmissionWebhookOptions.DefaultNoopPath, AdmissionReviews.Json(AdmissionReviews.Request("u-noop", "DELETE", null, AdmissionReviews.Widget("w", "red"))));

        var (_, response) = await AdmissionReviews.ReadAsync(message);
        Assert.True(response.Allowed);
        Assert.Equal("u-noop", response.Uid);
    }

    [Fact]
    public async Task Post_Review_RecordsCounterAndDurationWithTags()
    {
        var measurements = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AdmissionMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, Tags(tags)));
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            lock (measurements)
            {
                measurements.Add((instrument.Name, value, Tags(tags)));
            }
        });
        listener.Start();

        using var message = await host.Client.PostAsync(
            "/validate/deny-red", AdmissionReviews.Json(AdmissionReviews.Request("u-metrics", "CREATE", AdmissionReviews.Widget("w", "red"))));
        await AdmissionReviews.ReadAsync(message);
        using var bad = await host.Client.PostAsync("/validate/deny-red", AdmissionReviews.Json("{"));

        lock (measurements)
        {
            var count = Assert.Single(measurements, m => m.Instrument == AdmissionMetrics.RequestsInstrument && (string?)m.Tags["webhook"] == "deny-red");
            Assert.Equal(1, count.Value);
            Assert.Equal("CREATE", count.Tags["operation"]);
            Assert.Equal("false", count.Tags["allowed"]);
            var duration = Assert.Single(measurements, m => m.Instrument == AdmissionMetrics.DurationInstrument && (string?)m.Tags["webhook"] == "deny-red");
            Assert.InRange(duration.Value, 0, 5);
            var invalid = Assert.Single(measurements, m => m.Instrument == AdmissionMetrics.InvalidRequestsInstrument && (string?)m.Tags["webhook"] == "deny-red");
            Assert.Equal(400, invalid.Tags["status_code"]);
        }
    }

    [Fact]
    public async Task MapAdmissionWebhooks_NameNotADnsLabel_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            AdmissionTestHost.StartAsync(w => w.AddHandler<ScaleLimitHandler>("Not_A_Label", AdmissionRules.ForWrites(Widget.Resource))));

        Assert.Contains("DNS label", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapAdmissionWebhooks_DuplicateName_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AdmissionTestHost.StartAsync(w => w
            .AddHandler<ScaleLimitHandler>("same", AdmissionRules.ForWrites(Widget.Resource))
            .AddWebhook(new HandlerWebhookProbe("same"))));

        Assert.Contains("same", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
