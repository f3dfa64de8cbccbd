using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.Reliability.Tests.Rollouts;

/// <summary>
/// A scrape target serving http_requests_total{service, version, code}: every scrape adds 100 requests per service and
/// version, none of them errors, so an error-rate analysis of a registered service is healthy.
/// </summary>
public sealed class RequestCounterTarget : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<(string Service, string Version), long> counters = new();
    private readonly CancellationTokenSource stop = new();

    public RequestCounterTarget(int port)
    {
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public void Register(string service)
    {
        foreach (var version in (string[])["stable", "canary"])
        {
            counters.TryAdd((service, version), 0);
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var text = new StringBuilder("# TYPE http_requests_total counter\n");
            foreach (var key in counters.Keys)
            {
                var value = counters.AddOrUpdate(key, 100, (_, v) => v + 100);
                text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{key.Service}\",version=\"{key.Version}\",code=\"500\"}} 0\n");
                text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{key.Service}\",version=\"{key.Version}\",code=\"200\"}} {value}\n");
            }

            var body = Encoding.UTF8.GetBytes(text.ToString());
            context.Response.ContentType = "text/plain; version=0.0.4";
            try
            {
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
            }
        }
    }
}
