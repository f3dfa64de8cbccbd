using System.Text;
using System.Text.Json;
using Tollgate.Webhooks.Caches;
using Tollgate.Webhooks.Clusters;

namespace Tollgate.Webhooks.Tests.Clusters;

/// <summary>Argo CD's secretToCluster for the fields admission reads, from the Secret's JSON as the API server sends it.</summary>
public sealed class ClusterSecretReaderTests
{
    [Fact]
    public void Read_FullSecret_FieldsAsArgoCdReadsThem()
    {
        var secret = Secret(("name", "prod-eu"), ("server", "https://prod-eu.example.com//"), ("project", "production"),
            ("namespaces", " apps , ,web "), ("clusterResources", "true"), ("config", "{\"bearerToken\":\"secret\",\"tlsClientConfig\":{\"insecure\":false}}"));

        var (cluster, problem) = ClusterSecretReader.Read("prod-eu", secret.Data);

        Assert.Null(problem);
        Assert.NotNull(cluster);
        Assert.Equal(("https://prod-eu.example.com", "prod-eu", "production", true), (cluster.Server, cluster.Name, cluster.Project, cluster.ClusterResources));
        Assert.Equal(["apps", "web"], cluster.Namespaces);
    }

    [Theory]
    [InlineData("True", false)]
    [InlineData("true", true)]
    [InlineData("", false)]
    public void Read_ClusterResources_OnlyExactlyTrue(string value, bool expected)
    {
        var (cluster, _) = ClusterSecretReader.Read("c", Secret(("server", "https://c"), ("clusterResources", value)).Data);

        Assert.Equal(expected, cluster!.ClusterResources);
    }

    [Fact]
    public void Read_ConfigNotClusterConfig_SecretIgnoredWithTheReason()
    {
        var (cluster, problem) = ClusterSecretReader.Read("broken", Secret(("name", "broken"), ("server", "https://b"), ("config", "{\"bearerToken\": 42}")).Data);

        Assert.Null(cluster);
        Assert.Equal(
            "cluster Secret broken is ignored, as Argo CD ignores it: failed to unmarshal cluster config: json: cannot unmarshal number into Go struct field ClusterConfig.bearerToken of type string",
            problem);
    }

    [Fact]
    public void Read_NoServer_KeptUnderAnEmptyUrlAndReported()
    {
        var (cluster, problem) = ClusterSecretReader.Read("nameless", Secret(("name", "n")).Data);

        Assert.Equal("", cluster!.Server);
        Assert.Contains("has no server", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SecretJson_KeepsNoCredential()
    {
        var secret = Secret(("server", "https://c"), ("config", "{\"password\":\"hunter2\"}"));

        var written = JsonSerializer.Serialize(secret, MetadataJsonContext.Default.ClusterSecret);

        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"password\":\"hunter2\"}")), written, StringComparison.Ordinal);
        Assert.Null(secret.Data!.ConfigProblem);
    }

    internal static ClusterSecret Secret(params (string Key, string Value)[] data)
    {
        var fields = string.Join(",", data.Select(pair => $"\"{pair.Key}\":\"{Convert.ToBase64String(Encoding.UTF8.GetBytes(pair.Value))}\""));
        var json = $"{{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{{\"name\":\"c\",\"labels\":{{\"argocd.argoproj.io/secret-type\":\"cluster\"}}}},\"type\":\"Opaque\",\"data\":{{{fields}}}}}";
        return JsonSerializer.Deserialize(json, MetadataJsonContext.Default.ClusterSecret)!;
    }
}
