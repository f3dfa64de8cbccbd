using System.ComponentModel;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using k8s.KubeConfigModels;

namespace Tollgate.Shared.Kube.Config;

/// <summary>
/// A kubeconfig <c>exec</c> credential plugin (client.authentication.k8s.io v1 / v1beta1). The process is set up by the
/// official client (KUBERNETES_EXEC_INFO, env) and its ExecCredential parsed with its model; ours are when it runs (on
/// the first request, again when <c>expirationTimestamp</c> nears or after a 401), the time limit, the exit code, and
/// client certificates that can change.
/// </summary>
public sealed class ExecCredentialPlugin : k8s.Authentication.ITokenProvider
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);
    private readonly ExternalExecution exec;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private ExecCredential? current;
    private int runs;

    public ExecCredentialPlugin(ExternalExecution exec, TimeSpan timeout, TimeProvider? time = null)
    {
        this.exec = exec;
        Timeout = timeout;
        this.time = time ?? TimeProvider.System;
    }

    public string Command => exec.Command;

    public TimeSpan Timeout { get; init; }

    /// <summary>How many times the plugin was started.</summary>
    public int Runs => Volatile.Read(ref runs);

    /// <summary>The last credential the plugin returned, or null before the first run or after a refusal.</summary>
    public ExecCredential? Current => Volatile.Read(ref current);

    public async Task<ExecCredential> GetAsync(CancellationToken cancellationToken)
    {
        var cached = Volatile.Read(ref current);
        if (cached is not null && !ExecCredentialRefresh.IsDue(cached.Expiration, time.GetUtcNow()))
        {
            return cached;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            cached = Volatile.Read(ref current);
            if (cached is not null && !ExecCredentialRefresh.IsDue(cached.Expiration, time.GetUtcNow()))
            {
                return cached;
            }

            var fresh = await RunAsync(cancellationToken);
            Volatile.Write(ref current, fresh);
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The API server refused the credential: run the plugin again for the next request (as client-go does).</summary>
    public void Invalidate(ExecCredential used) => Interlocked.CompareExchange(ref current, null, used);

    public async Task<AuthenticationHeaderValue> GetAuthenticationHeaderAsync(CancellationToken cancellationToken)
    {
        var credential = await GetAsync(cancellationToken);
        return credential.Token is { } token ? new AuthenticationHeaderValue("Bearer", token) : null!;
    }

    private async Task<ExecCredential> RunAsync(CancellationToken cancellationToken)
    {
        using var process = k8s.KubernetesClientConfiguration.CreateRunnableExternalProcess(exec, static (_, _) => { });
        // The official client joins arguments with spaces; kubectl passes each one verbatim.
        process.StartInfo.Arguments = "";
        foreach (var argument in exec.Arguments ?? [])
        {
            process.StartInfo.ArgumentList.Add(argument);
        }

        process.StartInfo.RedirectStandardInput = true;
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            var hint = string.IsNullOrWhiteSpace(exec.InstallHint) ? "" : $" ({OneLine.Of(exec.InstallHint)})";
            throw Fail($"cannot be started: {e.Message}{hint}");
        }

        Interlocked.Increment(ref runs);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw Fail($"did not finish within {Timeout.TotalSeconds:0}s");
        }

        var output = await stdout;
        var errors = await stderr;
        if (process.ExitCode != 0)
        {
            var said = OneLine.Last(errors);
            throw Fail($"exited with code {process.ExitCode}{(said.Length > 0 ? ": " + said : "")}");
        }

        return Parse(output);
    }

    /// <summary>Reads the plugin's stdout as an ExecCredential of the kubeconfig's apiVersion.</summary>
    public ExecCredential Parse(string output)
    {
        ExecCredentialResponse? response;
        try
        {
            response = k8s.KubernetesJson.Deserialize<ExecCredentialResponse>(output);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw Fail($"printed something that is not an ExecCredential: {OneLine.Of(e.Message)}");
        }

        if (response is null)
        {
            throw Fail("printed nothing (an ExecCredential is expected on stdout)");
        }

        if (response.ApiVersion != exec.ApiVersion || response.Kind != "ExecCredential")
        {
            throw Fail($"printed kind \"{response.Kind}\" apiVersion \"{response.ApiVersion}\"; expected ExecCredential {exec.ApiVersion}");
        }

        var status = response.Status;
        if (status is null || !status.IsValid())
        {
            throw Fail("printed an ExecCredential with neither status.token nor status.clientCertificateData and clientKeyData");
        }

        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null;
        if (!string.IsNullOrEmpty(status.ClientCertificateData) && !string.IsNullOrEmpty(status.ClientKeyData))
        {
            try
            {
                certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(status.ClientCertificateData, status.ClientKeyData);
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw Fail($"returned a client certificate or key that is not valid PEM: {OneLine.Of(e.Message)}");
            }
        }

        DateTimeOffset? expiration = status.ExpirationTimestamp is { } at
            ? new DateTimeOffset(DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc))
            : null;
        return new ExecCredential(string.IsNullOrEmpty(status.Token) ? null : status.Token, certificate, expiration);
    }

    private KubeConfigException Fail(string what) => new($"exec credential plugin \"{exec.Command}\" {what}");
}
