using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// A real HTTP server on loopback speaking Prometheus's query API (/api/v1/query and query_range, GET and form POST),
/// in front of the real Prometheus: with <see cref="PrometheusFault.None"/> it forwards, with
/// <see cref="PrometheusFault.Slow"/> it answers only after <see cref="SlowDelay"/>, with
/// <see cref="PrometheusFault.Garbage"/> it answers the entries of <see cref="GarbageAnswers"/> in turn. Every answer
/// is recorded, with the fault it carried.
/// </summary>
public sealed class FaultyPrometheus : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri prometheus;
    private int garbageIndex = -1;
    private int slowIndex = -1;

    private FaultyPrometheus(WebApplication app, Uri prometheus)
    {
        this.app = app;
        this.prometheus = prometheus;
    }

    public Uri Address { get; private set; } = null!;

    public PrometheusFault Fault { get; set; }

    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>What each query got: the fault and, for garbage, which answer.</summary>
    public ConcurrentQueue<(DateTimeOffset At, PrometheusFault Fault, string Answer)> Served { get; } = new();

    public static async Task<FaultyPrometheus> StartAsync(Uri prometheus)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FaultyPrometheus(app, prometheus);
        app.Map("/api/v1/{endpoint}", server.AnswerAsync);
        await app.StartAsync();
        server.Address = new Uri(app.Urls.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task AnswerAsync(HttpContext context, string endpoint)
    {
        var fault = Fault;
        switch (fault)
        {
            case PrometheusFault.Garbage:
                var answer = GarbageAnswers.All[(int)((uint)Interlocked.Increment(ref garbageIndex) % GarbageAnswers.All.Count)];
                Served.Enqueue((DateTimeOffset.UtcNow, fault, answer.Name));
                context.Response.StatusCode = answer.Status;
                context.Response.ContentType = answer.ContentType;
                await context.Response.Body.WriteAsync(answer.Body, context.RequestAborted);
                return;
            case PrometheusFault.Slow:
                var headersFirst = Interlocked.Increment(ref slowIndex) % 2 == 1;
                Served.Enqueue((DateTimeOffset.UtcNow, fault, headersFirst ? "headers at once, body late" : "headers late"));
                var (status, body) = await ForwardAsync(context, endpoint);
                context.Response.StatusCode = status;
                context.Response.ContentType = "application/json";
                if (headersFirst)
                {
                    await context.Response.StartAsync(context.RequestAborted);
                    await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), context.RequestAborted);
                    await context.Response.Body.FlushAsync(context.RequestAborted);
                }

                try
                {
                    await Task.Delay(SlowDelay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                await context.Response.Body.WriteAsync(headersFirst ? body.AsMemory(body.Length / 2) : body, context.RequestAborted);
                return;
            default:
                Served.Enqueue((DateTimeOffset.UtcNow, fault, "forwarded"));
                var (okStatus, okBody) = await ForwardAsync(context, endpoint);
                context.Response.StatusCode = okStatus;
                context.Response.ContentType = "application/json";
                await context.Response.Body.WriteAsync(okBody, context.RequestAborted);
                return;
        }
    }

    private async Task<(int Status, byte[] Body)> ForwardAsync(HttpContext context, string endpoint)
    {
        var target = new Uri(prometheus, $"/api/v1/{endpoint}");
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new UriBuilder(target) { Query = context.Request.QueryString.Value?.TrimStart('?') ?? "" }.Uri);
        if (HttpMethods.IsPost(context.Request.Method))
        {
            using var form = new StreamReader(context.Request.Body);
            request.Content = new StringContent(await form.ReadToEndAsync(context.RequestAborted), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        }

        using var response = await upstream.SendAsync(request, context.RequestAborted);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
    }
}
