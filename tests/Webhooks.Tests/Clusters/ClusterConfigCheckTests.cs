using Tollgate.Webhooks.Clusters;

namespace Tollgate.Webhooks.Tests.Clusters;

/// <summary>Whether a cluster Secret's config unmarshals into Argo CD's ClusterConfig (Go encoding/json).</summary>
public sealed class ClusterConfigCheckTests
{
    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("{\"bearerToken\":\"t\",\"tlsClientConfig\":{\"insecure\":true,\"caData\":\"aGVsbG8=\"}}")]
    [InlineData("{\"BEARERTOKEN\":\"t\",\"unknown\":[1,2]}")]
    [InlineData("{\"execProviderConfig\":{\"command\":\"argocd-k8s-auth\",\"args\":[\"aws\"],\"env\":{\"A\":\"b\"}}}")]
    [InlineData("{\"awsAuthConfig\":null,\"username\":null}")]
    public void Problem_ValidClusterConfig_None(string config)
    {
        Assert.Null(ClusterConfigCheck.Problem(config));
    }

    [Theory]
    [InlineData("{", "the config is not valid JSON")]
    [InlineData("[]", "json: cannot unmarshal array into Go value of type v1alpha1.ClusterConfig")]
    [InlineData("{\"bearerToken\":42}", "json: cannot unmarshal number into Go struct field ClusterConfig.bearerToken of type string")]
    [InlineData("{\"tlsClientConfig\":{\"insecure\":\"yes\"}}", "json: cannot unmarshal string into Go struct field ClusterConfig.tlsClientConfig.insecure of type bool")]
    [InlineData("{\"tlsClientConfig\":{\"caData\":\"not base64!\"}}", "json: illegal base64 data in Go struct field ClusterConfig.tlsClientConfig.caData")]
    [InlineData("{\"execProviderConfig\":{\"args\":\"aws\"}}", "json: cannot unmarshal string into Go struct field ClusterConfig.execProviderConfig.args of type []string")]
    [InlineData("{\"tlsClientConfig\":true}", "json: cannot unmarshal bool into Go struct field ClusterConfig.tlsClientConfig of type v1alpha1.TLSClientConfig")]
    public void Problem_MalformedConfig_SaysWhatIsWrong(string config, string expected)
    {
        Assert.Contains(expected, ClusterConfigCheck.Problem(config), StringComparison.Ordinal);
    }
}
