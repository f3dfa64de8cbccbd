using System.Text;
using System.Text.Json.Nodes;

namespace Tollgate.Rollouts.Tests.Credentials;

/// <summary>
/// A kubeconfig whose user is an exec credential plugin: a shell script this test writes, serving a token (with an
/// expirationTimestamp computed when it runs) or a client certificate, or misbehaving on demand. Every run is logged.
/// </summary>
public sealed class ExecUser(string directory, string apiVersion)
{
    private string servingMode = "token";

    public string Script => Path.Combine(directory, "credential-plugin.sh");

    public string Kubeconfig => Path.Combine(directory, "kubeconfig");

    private string RunLog => Path.Combine(directory, "runs");

    /// <summary>How many times the plugin was started, by any process.</summary>
    public int Runs => File.Exists(RunLog) ? File.ReadAllLines(RunLog).Length : 0;

    /// <summary>The tokens served, one per run, in order.</summary>
    public IReadOnlyList<string> TokensServed =>
        File.Exists(RunLog) ? [.. File.ReadAllLines(RunLog).Select(line => line.Split(' ')[1])] : [];

    public async Task WriteAsync(Uri server, string caPem)
    {
        await File.WriteAllTextAsync(Script, $$$"""
            #!/bin/sh
            cd '{{{directory}}}'
            mode=$(cat mode)
            echo "$mode $(cat token 2>/dev/null)" >> runs
            case "$mode" in
              fail) echo "warming up" >&2; echo "sso session expired, run sso-login" >&2; exit 7;;
              garbage) echo "<html>502 Bad Gateway</html>";;
              hang) sleep 600;;
              certificate) cat certificate.json;;
              token)
                expiry=""
                if [ -s expires-in ]; then
                  expiry=",\"expirationTimestamp\":\"$(date -u -d "+$(cat expires-in) seconds" +%Y-%m-%dT%H:%M:%SZ)\""
                fi
                printf '{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"%s"%s}}\n' "$(cat token)" "$expiry";;
            esac
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await File.WriteAllTextAsync(Kubeconfig, $"""
            apiVersion: v1
            kind: Config
            current-context: exec
            clusters:
            - name: exec
              cluster:
                server: {server.ToString().TrimEnd('/')}
                certificate-authority-data: {Convert.ToBase64String(Encoding.UTF8.GetBytes(caPem))}
            users:
            - name: exec
              user:
                exec:
                  apiVersion: {apiVersion}
                  command: ./credential-plugin.sh
                  interactiveMode: Never
            contexts:
            - name: exec
              context: {"{"}cluster: exec, user: exec{"}"}
            """);
    }

    public async Task ServeTokenAsync(string token, int? expiresInSeconds = null)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "token"), token);
        await File.WriteAllTextAsync(Path.Combine(directory, "expires-in"), expiresInSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        await SetModeAsync(servingMode = "token");
    }

    /// <summary>Serves the client certificate and key of an official-client configuration (the test CA issued them).</summary>
    public async Task ServeCertificateAsync(k8s.KubernetesClientConfiguration identity)
    {
        static string Pem(string base64) => Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        await File.WriteAllTextAsync(Path.Combine(directory, "certificate.json"), new JsonObject
        {
            ["apiVersion"] = apiVersion,
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject
            {
                ["clientCertificateData"] = Pem(identity.ClientCertificateData),
                ["clientKeyData"] = Pem(identity.ClientCertificateKeyData),
            },
        }.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(directory, "token"), "certificate");
        await SetModeAsync(servingMode = "certificate");
    }

    /// <summary>fail (exit 7 with a reason on stderr), garbage (HTML on stdout) or hang (never exits).</summary>
    public Task BreakAsync(string mode) => SetModeAsync(mode);

    public Task RepairAsync() => SetModeAsync(servingMode);

    private Task SetModeAsync(string mode) => File.WriteAllTextAsync(Path.Combine(directory, "mode"), mode);
}
