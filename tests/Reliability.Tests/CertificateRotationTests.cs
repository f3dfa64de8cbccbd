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
/// connection per request: no request may fail, and the last certificate written must be the one served.
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

        var keptAlive = Hey(["-z", $"{seconds}s", "-c", "16", "-q", "125", "-m", "POST", "-T", "application/json", "-D", body, url]);
        var fresh = Hey(["-z", $"{seconds}s", "-c", "4", "-q", "25", "-disable-keepalive", "-m", "POST", "-T", "application/json", "-D", body, url]);
        string? lastSerial = null;
        for (var i = 0; i < rotations; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds / (rotations + 1.0)), cancellationToken);
            lastSerial = await RotateAsync(authority, directory, cancellationToken);
        }

        var keptAliveOutput = await keptAlive;
        var freshOutput = await fresh;
        var served = await ServedSerialAsync(server.BaseAddress, lastSerial!, cancellationToken);
        Report($"Certificate rotation under load ({rotations} rotations in {seconds} s)", $"""
            | client | requests | per second | status codes | errors |
            |---|---|---|---|---|
            | hey, 16 kept-alive connections | {Total(keptAliveOutput)} | {Rate(keptAliveOutput)} | {Codes(keptAliveOutput)} | {Errors(keptAliveOutput)} |
            | hey, a new TLS connection per request | {Total(freshOutput)} | {Rate(freshOutput)} | {Codes(freshOutput)} | {Errors(freshOutput)} |

            last certificate written served afterwards: {served == lastSerial}

            """);
        File.Delete(body);
        Directory.Delete(directory, recursive: true);

        Assert.Equal("none", Errors(keptAliveOutput));
        Assert.Equal("none", Errors(freshOutput));
        Assert.Matches(@"^\[200\] \d+$", Codes(keptAliveOutput));
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

    private static async Task<string> Hey(string[] arguments)
    {
        var start = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await output + await errors;
    }

    private static string Total(string hey) =>
        StatusLine().Matches(hey).Sum(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);

    private static string Rate(string hey) => RequestsPerSecond().Match(hey) is { Success: true } m ? m.Groups[1].Value : "?";

    private static string Codes(string hey) => string.Join(", ", StatusLine().Matches(hey).Select(m => $"[{m.Groups[1].Value}] {m.Groups[2].Value}"));

    private static string Errors(string hey)
    {
        var at = hey.IndexOf("Error distribution:", StringComparison.Ordinal);
        return at < 0 ? "none" : hey[(at + "Error distribution:".Length)..].Trim().ReplaceLineEndings("; ");
    }

    [GeneratedRegex(@"\[(\d{3})\]\s+(\d+) responses")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();
}
