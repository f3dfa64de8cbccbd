using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Admission;

/// <summary>
/// One AdmissionReview round trip: read the body within the size limit, parse and check the envelope (HTTP 4xx with
/// a plain message when unusable), run the webhook, and answer a well-formed review echoing the uid. A webhook that
/// throws denies the request with code 500: the server fails closed.
/// </summary>
internal sealed class AdmissionRequestProcessor(
    IOptions<AdmissionWebhookOptions> options, AdmissionMetrics metrics, ILogger<AdmissionRequestProcessor> logger)
{
    private readonly long maxBodyBytes = options.Value.MaxRequestBodyBytes;

    private readonly JsonSerializerOptions entityOptions =
        options.Value.EntitySerializerOptions ?? KubernetesJson.CreateOptions([.. options.Value.TypeInfoResolvers]);

    public async Task ProcessAsync(HttpContext context, IAdmissionWebhook webhook)
    {
        var started = Stopwatch.GetTimestamp();
        var cancellationToken = context.RequestAborted;
        AdmissionReview review;
        try
        {
            var (parsed, problem) = await ReadReviewAsync(context, cancellationToken);
            if (problem is not null)
            {
                await RefuseAsync(context, webhook, problem, cancellationToken);
                return;
            }

            review = parsed!;
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own checks: a broken chunked encoding, a body larger than its limit, a client too slow.
            await RefuseAsync(context, webhook, new AdmissionProblem(e.StatusCode, e.Message), cancellationToken);
            return;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            logger.CallerGoneWhileSending(webhook.Name);
            return;
        }

        var request = review.Request!;
        AdmissionResponse response;
        try
        {
            response = await webhook.ReviewAsync(request, entityOptions, cancellationToken)
                ?? AdmissionResponses.Denied(request.Uid, $"webhook {webhook.Name} returned no response", 500);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.CallerGone(webhook.Name, request.Uid);
            return;
        }
        catch (Exception e)
        {
            logger.HandlerFailed(e, webhook.Name, request.Operation, request.Resource?.ToString(), request.Namespace, request.Name, request.Uid);
            response = AdmissionResponses.Denied(request.Uid, $"webhook {webhook.Name} failed: {e.GetType().Name}: {e.Message}", 500);
        }

        response.Uid = request.Uid;
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.RecordReview(webhook.Name, request.Operation, response.Allowed, elapsed);
        logger.Answered(
            webhook.Name, request.Operation, request.Resource?.ToString(), request.Namespace, request.Name, request.Uid,
            request.DryRun == true, response.Allowed, elapsed.TotalMilliseconds);

        var answer = new AdmissionReview { ApiVersion = AdmissionReview.V1ApiVersion, Kind = AdmissionReview.ReviewKind, Response = response };
        await context.Response.WriteAsJsonAsync(answer, AdmissionJsonContext.Default.AdmissionReview, contentType: null, cancellationToken);
    }

    private async Task<(AdmissionReview? Review, AdmissionProblem? Problem)> ReadReviewAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var request = context.Request;
        if (!request.HasJsonContentType())
        {
            return (null, new AdmissionProblem(
                StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be application/json, not \"{request.ContentType}\""));
        }

        if (request.ContentLength > maxBodyBytes)
        {
            return (null, TooLarge(request.ContentLength.Value));
        }

        // Our limit is the one that applies; Kestrel's default (30 MB) would only get in the way of a larger one.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature && sizeFeature.MaxRequestBodySize < maxBodyBytes)
        {
            sizeFeature.MaxRequestBodySize = maxBodyBytes;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken);
            var body = read.Buffer;
            if (body.Length > maxBodyBytes)
            {
                reader.AdvanceTo(body.End);
                return (null, TooLarge(body.Length));
            }

            if (read.IsCompleted)
            {
                try
                {
                    return Parse(body);
                }
                finally
                {
                    reader.AdvanceTo(body.End);
                }
            }

            reader.AdvanceTo(body.Start, body.End);
        }
    }

    private AdmissionProblem TooLarge(long bytes) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body ({bytes} bytes or more) exceeds the limit of {maxBodyBytes} bytes");

    private static (AdmissionReview? Review, AdmissionProblem? Problem) Parse(ReadOnlySequence<byte> body)
    {
        AdmissionReview? review;
        try
        {
            var json = new Utf8JsonReader(body);
            review = JsonSerializer.Deserialize(ref json, AdmissionJsonContext.Default.AdmissionReview);
            if (json.Read())
            {
                return (null, BadRequest("the body holds more than one JSON value"));
            }
        }
        catch (JsonException e)
        {
            return (null, BadRequest($"the body is not a valid AdmissionReview: {e.Message}"));
        }

        var problem = review switch
        {
            null => BadRequest("the body is JSON null, not an AdmissionReview"),
            { ApiVersion: not AdmissionReview.V1ApiVersion } => BadRequest(
                $"apiVersion is \"{review.ApiVersion}\"; this server speaks only {AdmissionReview.V1ApiVersion} (admissionReviewVersions: [v1])"),
            { Kind: not AdmissionReview.ReviewKind } => BadRequest($"kind is \"{review.Kind}\", not {AdmissionReview.ReviewKind}"),
            { Request: null } => BadRequest("the AdmissionReview has no request"),
            { Request.Uid: null or "" } => BadRequest("request.uid is missing"),
            _ => null,
        };
        return (problem is null ? review : null, problem);
    }

    private static AdmissionProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    private async Task RefuseAsync(HttpContext context, IAdmissionWebhook webhook, AdmissionProblem problem, CancellationToken cancellationToken)
    {
        metrics.RecordInvalid(webhook.Name, problem.StatusCode);
        logger.RefusedRequest(webhook.Name, problem.StatusCode, problem.Message);
        context.Response.StatusCode = problem.StatusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(problem.Message + "\n", cancellationToken);
    }
}
