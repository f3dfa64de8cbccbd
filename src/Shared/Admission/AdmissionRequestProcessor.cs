using System.Buffers;
using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tollgate.Shared.Admission.Review;

namespace Tollgate.Shared.Admission;

/// <summary>
/// One AdmissionReview round trip: read the body within the size limit, parse and check the envelope (HTTP 4xx with
/// a plain message when unusable), run the webhook, and answer a well-formed review echoing the uid. A webhook that
/// throws denies the request with code 500: the server fails closed. No path answers with an HTTP 5xx.
/// </summary>
internal sealed class AdmissionRequestProcessor(
    IOptions<AdmissionWebhookOptions> options, AdmissionMetrics metrics, ILogger<AdmissionRequestProcessor> logger)
{
    private readonly long maxBodyBytes = options.Value.MaxRequestBodyBytes;

    public async Task ProcessAsync(HttpContext context, IAdmissionWebhook webhook)
    {
        var started = Stopwatch.GetTimestamp();
        var cancellationToken = context.RequestAborted;
        AdmissionRequest? request = null;
        try
        {
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

            request = review.Request!;
            AdmissionResponse response;
            try
            {
                response = await webhook.ReviewAsync(request, cancellationToken)
                    ?? AdmissionResponses.Denied(request.Uid, $"webhook {webhook.Name} returned no response", 500);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log(l => l.CallerGone(webhook.Name, AdmissionLogValues.Bound(request.Uid)!));
                return;
            }
            catch (Exception e)
            {
                response = HandlerFailed(webhook, request, e);
            }

            response.Uid = request.Uid;
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.RecordReview(webhook.Name, request.Operation, response.Allowed, elapsed);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                var allowed = response.Allowed;
                Log(l => l.Answered(
                    webhook.Name, AdmissionLogValues.Bound(request.Operation), AdmissionLogValues.Bound(request.Resource?.ToString()),
                    AdmissionLogValues.Bound(request.Namespace), AdmissionLogValues.Bound(request.Name), AdmissionLogValues.Bound(request.Uid)!,
                    request.DryRun == true, allowed, elapsed.TotalMilliseconds));
            }

            await AnswerAsync(context, response, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            Log(l => l.CallerGoneWhileSending(webhook.Name));
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // The last line of defence: whatever escaped above, the caller gets a well-formed answer, never an empty 500.
            await AnswerAfterFailureAsync(context, webhook, request, e, cancellationToken);
        }
    }

    /// <summary>The fail-closed denial for a webhook that threw; nothing here may throw in turn.</summary>
    private AdmissionResponse HandlerFailed(IAdmissionWebhook webhook, AdmissionRequest request, Exception e)
    {
        Log(l => l.HandlerFailed(
            e, webhook.Name, AdmissionLogValues.Bound(request.Operation), AdmissionLogValues.Bound(request.Resource?.ToString()),
            AdmissionLogValues.Bound(request.Namespace), AdmissionLogValues.Bound(request.Name), AdmissionLogValues.Bound(request.Uid)!));
        metrics.RecordHandlerFailure(webhook.Name);
        return AdmissionResponses.Denied(
            request.Uid, $"webhook {webhook.Name} failed: {e.GetType().Name}: {AdmissionLogValues.BoundMessage(e.Message)}", 500);
    }

    /// <summary>Writes a log line; a log provider that throws must not turn an answer into an empty 500.</summary>
    private void Log(Action<ILogger> write)
    {
        try
        {
            write(logger);
        }
#pragma warning disable CA1031 // Deliberately every exception: the answer matters more than the line.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private async Task AnswerAfterFailureAsync(
        HttpContext context, IAdmissionWebhook webhook, AdmissionRequest? request, Exception e, CancellationToken cancellationToken)
    {
        context.Response.Clear();
        if (request is not null)
        {
            await AnswerAsync(context, HandlerFailed(webhook, request, e), cancellationToken);
            return;
        }

        metrics.RecordHandlerFailure(webhook.Name);
        await RefuseAsync(
            context, webhook, BadRequest($"the request could not be read: {e.GetType().Name}: {AdmissionLogValues.BoundMessage(e.Message)}"), cancellationToken);
    }

    private static Task AnswerAsync(HttpContext context, AdmissionResponse response, CancellationToken cancellationToken)
    {
        var answer = new AdmissionReview { ApiVersion = AdmissionReview.V1ApiVersion, Kind = AdmissionReview.ReviewKind, Response = response };
        return context.Response.WriteAsJsonAsync(answer, AdmissionJsonContext.Default.AdmissionReview, contentType: null, cancellationToken);
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
        if (AdmissionBodyText.Problem(body) is { } textProblem)
        {
            return (null, BadRequest(textProblem));
        }

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
            return (null, BadRequest($"the body is not a valid AdmissionReview: {AdmissionLogValues.BoundMessage(e.Message)}"));
        }

        return AdmissionReviewCheck.Problem(review) is { } problem ? (null, BadRequest(problem)) : (review, null);
    }

    private static AdmissionProblem BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    private async Task RefuseAsync(HttpContext context, IAdmissionWebhook webhook, AdmissionProblem problem, CancellationToken cancellationToken)
    {
        metrics.RecordInvalid(webhook.Name, problem.StatusCode);
        Log(l => l.RefusedRequest(webhook.Name, problem.StatusCode, AdmissionLogValues.BoundMessage(problem.Message)));
        context.Response.StatusCode = problem.StatusCode;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(problem.Message + "\n", cancellationToken);
    }
}
