using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Shared.Admission.Certificates;
using Tollgate.Testing;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 6: the serving certificate rotated (written as a mounted Secret is, by renaming new files in) several
/// times while `hey` sends about 2,000 reviews a second over kept-alive connections and another `hey` opens a new TLS
/// connection per request: no request may fail, and the last certificate written must be the one served. The
/// processor time of each client and of the server is reported with the machine's load, to tell the server's limit
/// from the clients'; TOLLGATE_CHAOS_ROTATION_CLIENT=wrk puts `wrk` (unthrottled, as fast as it goes) in place of
/// the kept-alive `hey`.
/// </summary>
public sealed partial class CertificateRotationTests(ControlPlaneFixture fixture) : HostileScenario(fixture)
{
    [Fact]
    public async Task RotateCertificate_UnderLoad_NoFailedRequestAndNewCertificateServed()
    {
        var cancellationToken = Timeout();
        var seconds = Scaled(12, "TOLLGATE_CHAOS_ROTATION_SECONDS");
        var rotations = 5;
        using var authority = WebhookCertificateAuthority.Create();
        var directory = Directory.CreateTempSubdirectory("tollgate-rotation-").FullName;
        await authority.IssueLocalServingCertificate().WriteAsync(directory, cancellationToken);
        await using var server = await WebhookServerProcess.StartWithCertificatesAsync(Plane, ArgoCd, directory, cancellationToken);
        var body = Path.Combine(directory, "..", $"review-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(body, Seeds.GuardDrift("rotation").ToJsonString(), cancellationToken);
        var url = new Uri(server.BaseAddress, "/validate/guard").ToString();

        var client = Environment.GetEnvironmentVariable("TOLLGATE_CHAOS_ROTATION_CLIENT") is { Length: > 0 } chosen ? chosen : "hey";
        if (client is not ("hey" or "wrk"))
        {
            throw new ArgumentException($"TOLLGATE_CHAOS_ROTATION_CLIENT is hey or wrk, not {client}");
        }

        var script = Path.Combine(directory, "..", $"review-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(
            script, $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nlocal f = io.open(\"{body}\", \"rb\")\nwrk.body = f:read(\"*a\")\nf:close()\n", cancellationToken);
        var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var serverBefore = server.ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        var keptAlive = client == "wrk"
            ? TimedAsync(["wrk", "-t", "2", "-c", "16", "-d", $"{seconds}s", "-s", script, url])
            : TimedAsync(["hey", "-z", $"{seconds}s", "-c", "16", "-q", "125", "-m", "POST", "-T", "application/json", "-D", body, url]);
        var fresh = TimedAsync(["hey", "-z", $"{seconds}s", "-c", "4", "-q", "25", "-disable-keepalive", "-m", "POST", "-T", "application/json", "-D", body, url]);
        string? lastSerial = null;
        for (var i = 0; i < rotations; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds / (rotations + 1.0)), cancellationToken);
            lastSerial = await RotateAsync(authority, directory, cancellationToken);
        }

        var (keptAliveOutput, keptAliveProcessor) = await keptAlive;
        var (freshOutput, freshProcessor) = await fresh;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var serverProcessor = (server.ProcessorTime() - serverBefore).TotalSeconds;
        var loadAfter = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var served = await ServedSerialAsync(server.BaseAddress, lastSerial!, cancellationToken);
        var keptAliveName = client == "wrk" ? "wrk, 16 kept-alive connections, unthrottled" : "hey, 16 kept-alive connections (2,000/s asked)";
        Report($"Certificate rotation under load ({rotations} rotations in {seconds} s)", $"""
            | client | requests | per second | status codes | errors | processor time (cores) |
            |---|---|---|---|---|---|
            | {keptAliveName} | {Total(keptAliveOutput)} | {Rate(keptAliveOutput)} | {Codes(keptAliveOutput)} | {Errors(keptAliveOutput)} | {Cores(keptAliveProcessor, elapsed)} |
            | hey, a new TLS connection per request (100/s asked) | {Total(freshOutput)} | {Rate(freshOutput)} | {Codes(freshOutput)} | {Errors(freshOutput)} | {Cores(freshProcessor, elapsed)} |
            | the server (tollgate-webhooks) | | | | | {Cores(serverProcessor, elapsed)} |

            last certificate written served afterwards: {served == lastSerial}; {Environment.ProcessorCount} cores, load average {loadBefore} before, {loadAfter} after

            """);
        File.Delete(body);
        File.Delete(script);
        Directory.Delete(directory, recursive: true);

        Assert.Equal("none", Errors(keptAliveOutput));
        Assert.Equal("none", Errors(freshOutput));
        Assert.Matches(@"^\[(200|<400)\] \d+$", Codes(keptAliveOutput));
        Assert.Matches(@"^\[200\] \d+$", Codes(freshOutput));
        Assert.Equal(lastSerial, served);
    }

    /// <summary>Writes a new certificate and key beside the served ones and renames them in, the key first.</summary>
    private static async Task<string> RotateAsync(WebhookCertificateAuthority authority, string directory, CancellationToken cancellationToken)
    {
        var next = authority.IssueLocalServingCertificate();
        var staging = Directory.CreateTempSubdirectory("tollgate-rotation-next-").FullName;
        await next.WriteAsync(staging, cancellationToken);
        File.Move(Path.Combine(staging, ServingCertificate.KeyFileName), Path.Combine(directory, ServingCertificate.KeyFileName), overwrite: true);
        File.Move(Path.Combine(staging, ServingCertificate.CertificateFileName), Path.Combine(directory, ServingCertificate.CertificateFileName), overwrite: true);
        Directory.Delete(staging, recursive: true);
        using var certificate = X509Certificate2.CreateFromPem(next.CertificatePem);
        return certificate.SerialNumber;
    }

    /// <summary>The serial number of the certificate a new connection gets, once it is <paramref name="expected"/> (the reload is asynchronous).</summary>
    private static async Task<string?> ServedSerialAsync(Uri server, string expected, CancellationToken cancellationToken)
    {
        string? serial = null;
        var deadline = Stopwatch.StartNew();
        while (serial != expected && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(server.Host, server.Port, cancellationToken);
            await using var tls = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = server.Host }, cancellationToken);
            serial = tls.RemoteCertificate is { } remote ? new X509Certificate2(remote).SerialNumber : null;
            if (serial != expected)
            {
                await Task.Delay(200, cancellationToken);
            }
        }

        return serial;
    }

    /// <summary>Runs a load client under bash, whose `times` gives the processor time the client used.</summary>
    private static async Task<(string Output, double ProcessorSeconds)> TimedAsync(string[] command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-c", "\"$@\"; status=$?; times >&2; exit $status", "load", .. command])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var errorText = await errors;

        // `times` prints the shell's own user and system time, then its children's.
        var children = ShellTimes().Matches(errorText).LastOrDefault();
        var seconds = children is null ? double.NaN : Seconds(children, 1) + Seconds(children, 3);
        return (await output + errorText, seconds);

        static double Seconds(Match times, int group) =>
            (int.Parse(times.Groups[group].Value, CultureInfo.InvariantCulture) * 60) + double.Parse(times.Groups[group + 1].Value, CultureInfo.InvariantCulture);
    }

    private static string Cores(double seconds, double elapsed) =>
        double.IsNaN(seconds) ? "?" : string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s ({seconds / elapsed:0.00})");

    /// <summary>hey's status lines, or wrk's count (wrk tells only how many answers were 4xx or 5xx).</summary>
    private static string Total(string output) =>
        WrkTotal().Match(output) is { Success: true } wrk
            ? wrk.Groups[1].Value
            : StatusLine().Matches(output).Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    private static string Rate(string output) => RequestsPerSecond().Match(output) is { Success: true } m ? m.Groups[1].Value : "?";

    private static string Codes(string output) =>
        WrkTotal().Match(output) is { Success: true } wrk
            ? $"[<400] {(WrkNon2xx().Match(output) is { Success: true } bad ? $"{wrk.Groups[1].Value} less {bad.Groups[1].Value} 4xx/5xx" : wrk.Groups[1].Value)}"
            : string.Join(", ", StatusLine().Matches(output).Select(m => $"[{m.Groups[1].Value}] {m.Groups[2].Value}"));

    private static string Errors(string output)
    {
        if (WrkTotal().IsMatch(output))
        {
            var problems = output.Split('\n').Where(l => l.Contains("Socket errors", StringComparison.Ordinal) || l.Contains("Non-2xx", StringComparison.Ordinal)).Select(l => l.Trim());
            return string.Join("; ", problems) is { Length: > 0 } found ? found : "none";
        }

        var at = output.IndexOf("Error distribution:", StringComparison.Ordinal);
        if (at < 0)
        {
            return "none";
        }

        // The distribution ends where the shell's `times` lines begin.
        var distribution = output[(at + "Error distribution:".Length)..];
        var times = ShellTimes().Match(distribution);
        return (times.Success ? distribution[..times.Index] : distribution).Trim().ReplaceLineEndings("; ");
    }

    [GeneratedRegex(@"\[(\d{3})\]\s+(\d+) responses")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"(\d+) requests in ")]
    private static partial Regex WrkTotal();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex WrkNon2xx();

    [GeneratedRegex(@"(\d+)m([\d.]+)s (\d+)m([\d.]+)s")]
    private static partial Regex ShellTimes();
}
