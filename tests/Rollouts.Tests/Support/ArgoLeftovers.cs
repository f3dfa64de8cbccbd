using System.Globalization;
using System.Text.Json.Nodes;
using Tollgate.Shared.Entities.Rollouts;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Rollouts.Tests.Support;

/// <summary>
/// Objects as Argo Rollouts leaves them (its rollout/sync.go, replicaset.go, analysis.go and utils/annotations): the
/// ReplicaSets carry the template's labels plus rollouts-pod-template-hash and no Tollgate label, the revision and
/// desired-replicas annotations and a controller reference; the hashes are Argo's (Go's encoding/json of the template
/// and of the steps, FNV-1a, safe alphabet; computed with Go, see <see cref="V1Hash"/>).
/// </summary>
internal static class ArgoLeftovers
{
    public const string Name = "web";

    /// <summary>Argo's hash of the template with registry.local/web:v1 (Go's json: {"metadata":{"creationTimestamp":null,…},…"resources":{}}).</summary>
    public const string V1Hash = "5795c96786";

    public const string V2Hash = "5f6844d87";

    /// <summary>Argo's currentStepHash of <see cref="Steps"/>.</summary>
    public const string StepHash = "674b64b78f";

    public const string Steps = """
        - setWeight: 25
        - pause: {}
        - setWeight: 50
        - pause: {}
        """;

    public static string Image(int version) => $"registry.local/web:v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The Rollout as its user applied it, with the revision annotation Argo put on it.</summary>
    public static string Rollout(int version, int revision, string? backgroundAnalysis = null) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: {{Name}}
          annotations:
            rollout.argoproj.io/revision: "{{revision}}"
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          strategy:
            canary:
        {{backgroundAnalysis ?? ""}}      steps:
              - setWeight: 25
              - pause: {}
              - setWeight: 50
              - pause: {}
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: {{Image(version)}}
        """;

    public const string ActiveService = "web-active";

    public const string PreviewService = "web-preview";

    /// <summary>A blue-green Rollout as its user applied it (<paramref name="fields"/> go under spec.strategy.blueGreen), with Argo's revision annotation.</summary>
    public static string BlueGreenRollout(int version, int revision, string fields) => $$"""
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: {{Name}}
          annotations:
            rollout.argoproj.io/revision: "{{revision}}"
        spec:
          replicas: 4
          selector:
            matchLabels:
              app: web
          strategy:
            blueGreen:
              activeService: {{ActiveService}}
              previewService: {{PreviewService}}
        {{string.Join("\n", fields.Split('\n').Select(line => "      " + line))}}
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: {{Image(version)}}
        """;

    /// <summary>
    /// The active and preview Services as Argo's switchServiceSelector leaves them: the user's selector plus
    /// rollouts-pod-template-hash, and the managed-by-rollouts annotation it adds on its first switch.
    /// </summary>
    public static string BlueGreenServices(string activeHash, string previewHash) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{ActiveService}}
          annotations:
            argo-rollouts.argoproj.io/managed-by-rollouts: {{Name}}
        spec:
          selector:
            app: web
            rollouts-pod-template-hash: "{{activeHash}}"
          ports:
          - port: 80
            targetPort: 8080
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{PreviewService}}
          annotations:
            argo-rollouts.argoproj.io/managed-by-rollouts: {{Name}}
        spec:
          selector:
            app: web
            rollouts-pod-template-hash: "{{previewHash}}"
          ports:
          - port: 80
            targetPort: 8080
        """;

    /// <summary>A merge patch of spec that changes the template's image.</summary>
    public static JsonObject ImageSpec(int version) => new()
    {
        ["template"] = new JsonObject
        {
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "web", ["image"] = Image(version) }) },
        },
    };

    public static V1ReplicaSet ReplicaSet(Rollout owner, int version, string hash, int revision, int replicas) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = $"{Name}-{hash}",
            Namespace = owner.Metadata.Namespace,
            Labels = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = hash },
            Annotations = new Dictionary<string, string>
            {
                ["rollout.argoproj.io/revision"] = revision.ToString(CultureInfo.InvariantCulture),
                ["rollout.argoproj.io/desired-replicas"] = "4",
            },
            OwnerReferences = [Controller(owner)],
        },
        Spec = new V1ReplicaSetSpec
        {
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = hash } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = "web", ["rollouts-pod-template-hash"] = hash } },
                Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = Image(version) }] },
            },
        },
    };

    public static V1OwnerReference Controller(Rollout owner) => new()
    {
        ApiVersion = "argoproj.io/v1alpha1",
        Kind = "Rollout",
        Name = owner.Metadata.Name!,
        Uid = owner.Metadata.Uid!,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>The status fields every canary Rollout's status has, counts from the ReplicaSets.</summary>
    public static JsonObject CanaryStatus(string currentHash, string stableHash, int stepIndex, int updated, string phase, params JsonObject[] conditions)
    {
        var conditionList = new JsonArray();
        foreach (var condition in conditions)
        {
            conditionList.Add(condition);
        }

        return new JsonObject
        {
            ["HPAReplicas"] = 4,
            ["availableReplicas"] = 4,
            ["blueGreen"] = new JsonObject(),
            ["canary"] = new JsonObject(),
            ["conditions"] = conditionList,
            ["currentPodHash"] = currentHash,
            ["currentStepHash"] = StepHash,
            ["currentStepIndex"] = stepIndex,
            ["observedGeneration"] = "1",
            ["phase"] = phase,
            ["readyReplicas"] = 4,
            ["replicas"] = 4,
            ["selector"] = "app=web",
            ["stableRS"] = stableHash,
            ["updatedReplicas"] = updated,
        };
    }

    /// <summary>
    /// A blue-green Rollout's status as Argo's syncRolloutStatusBlueGreen writes it: replicas and updatedReplicas count
    /// all and the new ReplicaSet's pods, availableReplicas, readyReplicas, HPAReplicas and selector the active one's
    /// (every ReplicaSet here runs 4 pods, all available).
    /// </summary>
    public static JsonObject BlueGreenStatus(string currentHash, string stableHash, string activeHash, string previewHash, int replicaSets, string phase, params JsonObject[] conditions)
    {
        var conditionList = new JsonArray();
        foreach (var condition in conditions)
        {
            conditionList.Add(condition);
        }

        return new JsonObject
        {
            ["HPAReplicas"] = 4,
            ["availableReplicas"] = 4,
            ["blueGreen"] = new JsonObject { ["activeSelector"] = activeHash, ["previewSelector"] = previewHash },
            ["canary"] = new JsonObject(),
            ["conditions"] = conditionList,
            ["currentPodHash"] = currentHash,
            ["observedGeneration"] = "1",
            ["phase"] = phase,
            ["readyReplicas"] = 4,
            ["replicas"] = 4 * replicaSets,
            ["selector"] = $"app=web,rollouts-pod-template-hash={activeHash}",
            ["stableRS"] = stableHash,
            ["updatedReplicas"] = 4,
        };
    }

    public static JsonObject Condition(string type, bool status, string reason, string message)
    {
        var now = Timestamp(DateTimeOffset.UtcNow.AddMinutes(-5));
        return new JsonObject
        {
            ["type"] = type,
            ["status"] = status ? "True" : "False",
            ["reason"] = reason,
            ["message"] = message,
            ["lastTransitionTime"] = now,
            ["lastUpdateTime"] = now,
        };
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
