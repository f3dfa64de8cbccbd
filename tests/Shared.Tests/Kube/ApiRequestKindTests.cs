using Tollgate.Shared.Kube.Http;

namespace Tollgate.Shared.Tests.Kube;

public sealed class ApiRequestKindTests
{
    public static TheoryData<string, string, bool, string, string> Requests => new()
    {
        { "GET", "/apis/argoproj.io/v1alpha1/namespaces/team-a/rollouts?resourceVersion=5", false, "LIST", "rollouts" },
        { "GET", "/apis/argoproj.io/v1alpha1/namespaces/team-a/rollouts?watch=true", true, "WATCH", "rollouts" },
        { "GET", "/apis/argoproj.io/v1alpha1/namespaces/team-a/rollouts/web", false, "GET", "rollouts" },
        { "PUT", "/apis/argoproj.io/v1alpha1/namespaces/team-a/rollouts/web/status", false, "PUT", "rollouts/status" },
        { "PATCH", "/api/v1/namespaces/team-a/services/web-active", false, "PATCH", "services" },
        { "POST", "/api/v1/namespaces/team-a/events", false, "POST", "events" },
        { "GET", "/apis/argoproj.io/v1alpha1/clusteranalysistemplates", false, "LIST", "clusteranalysistemplates" },
        { "GET", "/apis/argoproj.io/v1alpha1/clusteranalysistemplates/rate", false, "GET", "clusteranalysistemplates" },
        { "GET", "/api/v1/namespaces", false, "LIST", "namespaces" },
        { "DELETE", "/api/v1/namespaces/team-a", false, "DELETE", "namespaces" },
        { "PUT", "/api/v1/namespaces/team-a/finalize", false, "PUT", "namespaces/finalize" },
        { "GET", "/api/v1/namespaces/team-a/status", false, "GET", "namespaces/status" },
        { "GET", "/api/v1/namespaces/status/pods", false, "LIST", "pods" },
        { "GET", "/apis/apps/v1/namespaces/team-a/replicasets/web-5d8f/scale", false, "GET", "replicasets/scale" },
        { "GET", "/readyz", false, "GET", "other" },
        { "GET", "/apis", false, "GET", "other" },
        { "GET", "/apis/apps/v1", false, "GET", "other" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Of_RequestPath_NamesVerbAndResource(string method, string path, bool streaming, string verb, string resource)
    {
        var kind = ApiRequestKind.Of(method, path, streaming);

        Assert.Equal(new ApiRequestKind(verb, resource), kind);
    }
}
