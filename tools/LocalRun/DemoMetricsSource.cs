using System.Globalization;
using System.Net;
using System.Text;

namespace Tollgate.LocalRun;

/// <summary>
/// A stand-in application for the demo: every scrape adds 100 requests per version to Prometheus counters, with the
/// error share per version read from a small file (`stable 0.0` / `canary 0.5` lines), so `make demo` can make the
/// canary healthy or sick while it runs.
/// </summary>
public sealed class DemoMetricsSource(int port, string ratesFile)
{
    private readonly Dictionary<(string Version, string Code), long> counters = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        using var registration = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break;
            }

            var body = Encoding.UTF8.GetBytes(Scrape());
            context.Response.ContentType = "text/plain; version=0.0.4";
            await context.Response.OutputStream.WriteAsync(body, cancellationToken);
            context.Response.Close();
        }
    }

    private string Scrape()
    {
        var rates = ReadRates();
        foreach (var version in (string[])["stable", "canary"])
        {
            var errors = (long)Math.Round(100 * rates.GetValueOrDefault(version));
            Add(version, "500", errors);
            Add(version, "200", 100 - errors);
        }

        var text = new StringBuilder("# HELP demo_requests_total Requests served by the demo application.\n# TYPE demo_requests_total counter\n");
        foreach (var ((version, code), value) in counters.OrderBy(c => c.Key))
        {
            text.Append(CultureInfo.InvariantCulture, $"demo_requests_total{{version=\"{version}\",code=\"{code}\"}} {value}\n");
        }

        return text.ToString();
    }

    private void Add(string version, string code, long count) =>
        counters[(version, code)] = counters.GetValueOrDefault((version, code)) + count;

    private Dictionary<string, double> ReadRates()
    {
        var rates = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!File.Exists(ratesFile))
        {
            return rates;
        }

        foreach (var line in File.ReadAllLines(ratesFile))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var rate))
            {
                rates[parts[0]] = Math.Clamp(rate, 0, 1);
            }
        }

        return rates;
    }
}
