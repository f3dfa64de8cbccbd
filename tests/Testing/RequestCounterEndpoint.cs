using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.Testing;

/// <summary>
/// A scrape target serving http_requests_total{service, version, code} counters: every scrape adds 100 requests per
/// service and version, of which the configured error rate are 500s (none for a service set to 0: a healthy one).
/// </summary>
public sealed class RequestCounterEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, double> errorRates = new();
    private readonly ConcurrentDictionary<(string Service, string Version, string Code), long> counters = new();
    private readonly CancellationTokenSource stop = new();

    public RequestCounterEndpoint(int port)
    {
        Port = port;
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public void SetErrorRate(string service, double rate) => errorRates[service] = rate;

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

            var body = Encoding.UTF8.GetBytes(Scrape());
            context.Response.ContentType = "text/plain; version=0.0.4";
            try
            {
                await context.Response.OutputStream.WriteAsync(body);
                context.Response.Close();
            }
            catch (HttpListenerException)
            {
                // The scraper gave up on this answer (Prometheus killed or restarted by a fault scenario).
            }
        }
    }

    private string Scrape()
    {
        foreach (var (service, rate) in errorRates)
        {
            foreach (var version in (string[])["stable", "canary"])
            {
                var errors = version == "canary" ? (long)Math.Round(rate * 100) : 0;
                counters.AddOrUpdate((service, version, "500"), errors, (_, v) => v + errors);
                counters.AddOrUpdate((service, version, "200"), 100 - errors, (_, v) => v + 100 - errors);
            }
        }

        var text = new StringBuilder("# TYPE http_requests_total counter\n");
        foreach (var ((service, version, code), value) in counters)
        {
            text.Append(CultureInfo.InvariantCulture, $"http_requests_total{{service=\"{service}\",version=\"{version}\",code=\"{code}\"}} {value}\n");
        }

        return text.ToString();
    }
}
