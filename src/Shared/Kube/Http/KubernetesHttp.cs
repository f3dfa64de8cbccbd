using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Serialization;

namespace Tollgate.Shared.Kube.Http;

/// <summary>The transport: one request to the API server, authenticated, with API errors turned into KubernetesException.</summary>
internal sealed class KubernetesHttp : IDisposable
{
    public const string MeterName = "Tollgate.Kube";
    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("kube_api_requests", description: "Requests to the Kubernetes API by verb, resource and status code");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>(
        "kube_api_request_duration", unit: "s", description: "Kubernetes API request latency (watches excluded)");

    private readonly KubernetesTransport transport;
    private readonly KubernetesClientConfiguration config;
    private IWriteFence? fence;

    public KubernetesHttp(KubernetesClientConfiguration config, JsonSerializerOptions options)
    {
        this.config = config;
        Options = options;
        transport = new KubernetesTransport(config);
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>Consulted right before each request is sent; null sends everything.</summary>
    public IWriteFence? Fence
    {
        get => Volatile.Read(ref fence);
        set => Volatile.Write(ref fence, value);
    }

    public async Task<T> SendAsync<T>(
        HttpMethod method, string pathAndQuery, HttpContent? content, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, pathAndQuery, content, streaming: false, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var result = await JsonSerializer.DeserializeAsync(body, responseType, cancellationToken);
        return result ?? throw new KubernetesException($"{method} {pathAndQuery} returned an empty body");
    }

    /// <summary>Sends a request and returns the successful response; the caller disposes it.</summary>
    public async Task<HttpResponseMessage> SendRawAsync(
        HttpMethod method, string pathAndQuery, HttpContent? content, bool streaming, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(config.Host, pathAndQuery))
        {
            Content = content,
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };
        request.Headers.UserAgent.ParseAdd(config.UserAgent);
        request.Headers.Accept.ParseAdd("application/json");
        var kind = ApiRequestKind.Of(method.Method, pathAndQuery, streaming);
        var verb = kind.Verb;
        HttpClient http;
        ExecCredential? credentialUsed;
        try
        {
            (http, credentialUsed) = await transport.PrepareAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Requests.Add(1, new("verb", verb), new("resource", kind.Resource), new("code", "credentials"));
            throw new KubernetesException($"{method} {pathAndQuery}: no credentials: {OneLine.Of(e.Message)}", e);
        }

        // As late as possible: a process frozen before this point is judged by the clock it wakes up to.
        if (Fence is { } writeFence && writeFence.Refusal(method, pathAndQuery) is { } refusal)
        {
            Requests.Add(1, new("verb", verb), new("code", "fenced"));
            throw new KubernetesException($"{method} {pathAndQuery} not sent: {refusal}");
        }

        using var timeout = streaming ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(config.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(
                request,
                streaming ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead,
                timeout?.Token ?? cancellationToken);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            Requests.Add(1, new("verb", verb), new("resource", kind.Resource), new("code", "timeout"));
            throw new KubernetesException($"{method} {pathAndQuery} timed out after {config.RequestTimeout.TotalSeconds:0}s", e);
        }
        catch (HttpRequestException e)
        {
            Requests.Add(1, new("verb", verb), new("resource", kind.Resource), new("code", "error"));
            throw new KubernetesException($"{method} {config.Host}{pathAndQuery.TrimStart('/')} failed: {e.Message}", e);
        }

        var code = (int)response.StatusCode;
        Requests.Add(1, new("verb", verb), new("resource", kind.Resource), new("code", code.ToString(CultureInfo.InvariantCulture)));
        if (!streaming)
        {
            Latency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("verb", verb));
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized && credentialUsed is not null)
        {
            config.ExecPlugin?.Invalidate(credentialUsed);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new KubernetesException(response.StatusCode, TryParseStatus(text), $"{method} {pathAndQuery}: HTTP {code} {text}");
        }
    }

    public HttpContent JsonBody<T>(T value, JsonTypeInfo<T> type, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    public void Dispose() => transport.Dispose();

    internal static V1Status? TryParseStatus(string text)
    {
        try
        {
            return text.Length > 0 && text[0] == '{' ? JsonSerializer.Deserialize(text, KubernetesJsonContext.Default.V1Status) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
