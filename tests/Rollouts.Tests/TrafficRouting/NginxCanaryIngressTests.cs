using System.Text.Json.Nodes;
using Tollgate.Rollouts.TrafficRouting;
using Tollgate.Rollouts.TrafficRouting.Nginx;
using Tollgate.Shared.Entities.Rollouts.TrafficRouting;

namespace Tollgate.Rollouts.Tests.TrafficRouting;

public sealed class NginxCanaryIngressTests
{
    private static JsonObject Stable() => JsonNode.Parse("""
        {"metadata":{"name":"web","annotations":{"kubernetes.io/ingress.class":"nginx","team":"shop"}},
         "spec":{"ingressClassName":"public","tls":[{"hosts":["shop.example"],"secretName":"tls"}],
          "rules":[{"host":"shop.example","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"web-stable","port":{"number":80}}}}]}},
                   {"host":"admin.example","http":{"paths":[{"path":"/","pathType":"Prefix","backend":{"service":{"name":"admin","port":{"number":80}}}}]}}]}}
        """)!.AsObject();

    [Fact]
    public void Desired_StableIngress_RulesOfStableServiceOnlyPointedAtCanary()
    {
        var (_, spec) = NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web" }, "web-stable", "web-canary", 10);

        var rule = Assert.Single(spec["rules"]!.AsArray());
        Assert.Equal("shop.example", rule!["host"]!.GetValue<string>());
        Assert.Equal("web-canary", rule["http"]!["paths"]![0]!["backend"]!["service"]!["name"]!.GetValue<string>());
        Assert.Equal("public", spec["ingressClassName"]!.GetValue<string>());
        Assert.Equal("tls", spec["tls"]![0]!["secretName"]!.GetValue<string>());
    }

    [Fact]
    public void Desired_Annotations_ClassCopiedPrefixAddedCanaryAndWeightSet()
    {
        var nginx = new NginxTrafficRouting
        {
            StableIngress = "web",
            AdditionalIngressAnnotations = new Dictionary<string, string> { ["canary-by-header"] = "X-Canary", ["nginx.ingress.kubernetes.io/canary-by-cookie"] = "c" },
            CanaryIngressAnnotations = new Dictionary<string, string> { ["note"] = "mine" },
        };

        var (annotations, _) = NginxCanaryIngress.Desired(Stable(), "web", nginx, "web-stable", "web-canary", 30);

        Assert.Equal("nginx", annotations["kubernetes.io/ingress.class"]!.GetValue<string>());
        Assert.Equal("X-Canary", annotations["nginx.ingress.kubernetes.io/canary-by-header"]!.GetValue<string>());
        Assert.Equal("c", annotations["nginx.ingress.kubernetes.io/canary-by-cookie"]!.GetValue<string>());
        Assert.Equal("mine", annotations["note"]!.GetValue<string>());
        Assert.Equal("true", annotations["nginx.ingress.kubernetes.io/canary"]!.GetValue<string>());
        Assert.Equal("30", annotations["nginx.ingress.kubernetes.io/canary-weight"]!.GetValue<string>());
        Assert.Null(annotations["team"]);
    }

    [Fact]
    public void Desired_AnnotationPrefix_UsedForCanaryAnnotations()
    {
        var (annotations, _) = NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web", AnnotationPrefix = "custom.nginx.org" }, "web-stable", "web-canary", 5);

        Assert.Equal("5", annotations["custom.nginx.org/canary-weight"]!.GetValue<string>());
    }

    [Fact]
    public void Desired_NoRuleUsesStableService_ArgoMessage()
    {
        var error = Assert.Throws<TrafficRoutingException>(() =>
            NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web" }, "other", "web-canary", 10));

        Assert.Equal("ingress `web` has no rules using service other backend", error.Message);
    }

    [Fact]
    public void Patch_OnlyWeightChanged_PatchesThatAnnotationOnly()
    {
        var (annotations, spec) = NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web" }, "web-stable", "web-canary", 10);
        var current = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations.DeepClone() }, ["spec"] = spec.DeepClone() };
        current["metadata"]!["annotations"]!["added-by-someone"] = "x";
        var (next, nextSpec) = NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web" }, "web-stable", "web-canary", 30);

        var patch = NginxCanaryIngress.Patch(current, next, nextSpec);

        Assert.Equal("""{"metadata":{"annotations":{"nginx.ingress.kubernetes.io/canary-weight":"30"}}}""", patch!.ToJsonString());
    }

    [Fact]
    public void Patch_AlreadyDesired_Null()
    {
        var (annotations, spec) = NginxCanaryIngress.Desired(Stable(), "web", new NginxTrafficRouting { StableIngress = "web" }, "web-stable", "web-canary", 10);
        var current = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotations.DeepClone() }, ["spec"] = spec.DeepClone() };

        Assert.Null(NginxCanaryIngress.Patch(current, annotations, spec));
    }

    [Theory]
    [InlineData("web-app", "web", "web-app-web-canary")]
    [InlineData("r", "i", "r-i-canary")]
    public void Name_RolloutAndIngress_ArgoName(string rollout, string ingress, string expected) =>
        Assert.Equal(expected, NginxCanaryIngress.Name(rollout, ingress));

    [Fact]
    public void Name_TooLong_CutTo253()
    {
        var name = NginxCanaryIngress.Name(new string('r', 200), new string('i', 100));

        Assert.Equal(253, name.Length);
        Assert.EndsWith("i-canary", name, StringComparison.Ordinal);
    }
}
