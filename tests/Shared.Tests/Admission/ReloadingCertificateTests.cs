using System.Diagnostics;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using Tollgate.Shared.Admission;
using Tollgate.Shared.Admission.Certificates;

namespace Tollgate.Shared.Tests.Admission;

public sealed class ReloadingCertificateTests : IDisposable
{
    private readonly WebhookCertificateAuthority authority = WebhookCertificateAuthority.Create();
    private readonly string directory = Directory.CreateTempSubdirectory("tollgate-certs-").FullName;

    public void Dispose()
    {
        authority.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Server_FilesRewrittenInPlace_ServesNewCertificateWithoutRestart()
    {
        var first = authority.IssueLocalServingCertificate();
        await first.WriteAsync(directory);
        await using var server = await HttpsAdmissionServer.StartAsync(directory, _ => { });
        var before = await server.GetServedCertificateAsync(authority.Certificate, Timeout());
        Assert.True(before.Trusted);
        Assert.Contains(before.Protocol, new[] { SslProtocols.Tls12, SslProtocols.Tls13 });
        Assert.Equal(Serial(first), before.Certificate.SerialNumber);

        var second = authority.IssueLocalServingCertificate();
        await File.WriteAllTextAsync(Path.Combine(directory, ServingCertificate.CertificateFileName), second.CertificatePem);
        await File.WriteAllTextAsync(Path.Combine(directory, ServingCertificate.KeyFileName), second.KeyPem);

        var after = await server.WaitForServedSerialAsync(authority.Certificate, Serial(second), Timeout());
        Assert.True(after.Trusted);
    }

    [Fact]
    public async Task Server_NoopOverHttps_AllowsWithTrustedCertificate()
    {
        await authority.IssueLocalServingCertificate().WriteAsync(directory);
        await using var server = await HttpsAdmissionServer.StartAsync(directory, _ => { });
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(authority.Certificate);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate!);
            },
        };
        using var client = new HttpClient(handler) { BaseAddress = server.BaseAddress };

        using var response = await client.PostAsync(
            AdmissionWebhookOptions.DefaultNoopPath, AdmissionReviews.Json(AdmissionReviews.Request("u-tls", "CREATE", AdmissionReviews.Widget("w"))));

        var (_, answer) = await AdmissionReviews.ReadAsync(response);
        Assert.True(answer.Allowed);
        Assert.Equal("u-tls", answer.Uid);
    }

    [Fact]
    public async Task Reloaded_SymlinkSwapLikeMountedSecret_LoadsNewCertificate()
    {
        var first = authority.IssueLocalServingCertificate();
        await first.WriteAsync(Path.Combine(directory, "..2024_01"));
        File.CreateSymbolicLink(Path.Combine(directory, "..data"), "..2024_01");
        File.CreateSymbolicLink(Path.Combine(directory, "tls.crt"), "..data/tls.crt");
        File.CreateSymbolicLink(Path.Combine(directory, "tls.key"), "..data/tls.key");
        using var certificate = new ReloadingCertificate(
            Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"), NullLogger<ReloadingCertificate>.Instance, pollInterval: TimeSpan.FromHours(1));
        Assert.Equal(Serial(first), certificate.Current.SerialNumber);
        var reloaded = new TaskCompletionSource<X509Certificate2>(TaskCreationOptions.RunContinuationsAsynchronously);
        certificate.Reloaded += (_, c) => reloaded.TrySetResult(c);

        // What the kubelet does: write a new timestamped directory, point a new link at it, rename it over ..data.
        var second = authority.IssueLocalServingCertificate();
        await second.WriteAsync(Path.Combine(directory, "..2024_02"));
        File.CreateSymbolicLink(Path.Combine(directory, "..data_tmp"), "..2024_02");
        await RunAsync("mv", "-T", Path.Combine(directory, "..data_tmp"), Path.Combine(directory, "..data"));

        var served = await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Serial(second), served.SerialNumber);
        Assert.Equal(Serial(second), certificate.Current.SerialNumber);
    }

    [Fact]
    public async Task TryReload_KeyNotYetMatching_KeepsServingOldUntilBothFilesMatch()
    {
        var first = authority.IssueLocalServingCertificate();
        await first.WriteAsync(directory);
        using var certificate = new ReloadingCertificate(
            Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"), NullLogger<ReloadingCertificate>.Instance, pollInterval: TimeSpan.FromHours(1));
        var second = authority.IssueLocalServingCertificate();

        await File.WriteAllTextAsync(Path.Combine(directory, "tls.crt"), second.CertificatePem);
        Assert.False(certificate.TryReload());
        Assert.Equal(Serial(first), certificate.Current.SerialNumber);

        await File.WriteAllTextAsync(Path.Combine(directory, "tls.key"), second.KeyPem);
        certificate.TryReload();
        Assert.Equal(Serial(second), certificate.Current.SerialNumber);
        Assert.True(certificate.Current.HasPrivateKey);
        Assert.False(certificate.TryReload());
    }

    [Fact]
    public void Constructor_MissingFiles_Throws()
    {
        Assert.ThrowsAny<IOException>(() => new ReloadingCertificate(
            Path.Combine(directory, "tls.crt"), Path.Combine(directory, "tls.key"), NullLogger<ReloadingCertificate>.Instance));
    }

    [Fact]
    public void IssueLocalServingCertificate_NamesLoopbackAndChainsToAuthority()
    {
        var issued = authority.IssueLocalServingCertificate();

        using var certificate = X509Certificate2.CreateFromPem(issued.CertificatePem, issued.KeyPem);
        Assert.True(certificate.MatchesHostname("127.0.0.1"));
        Assert.True(certificate.MatchesHostname("localhost"));
        Assert.Equal(authority.Certificate.Subject, certificate.Issuer);
        Assert.NotNull(certificate.GetECDsaPublicKey());
    }

    private static string Serial(ServingCertificate issued) => X509Certificate2.CreateFromPem(issued.CertificatePem).SerialNumber;

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    private static async Task RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
    }
}
