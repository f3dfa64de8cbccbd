using System.Diagnostics;
using System.Globalization;
using Tollgate.Bench.AdmissionEndToEnd;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;
using Tollgate.Shared.Kube.Requests;
using Tollgate.Testing.ControlPlane;

// What the guard webhook adds to a real write through the API server: the same scale request (PUT of the
// deployments/scale subresource, kubectl scale's request, sent with dryRun=All so etcd's fsync does not drown the
// difference) by a non-admin user, sequentially, against an unmanaged Deployment (the webhook allows) and a tracked one
// (the webhook denies), first with no webhook registered, then with the guard registered at the running server.
//
//   tollgate-bench-admission-e2e <namespace> <tracked deployment> <webhook base url> <ca.crt> [requests=1000]
// with KUBECONFIG (an admin) and TOLLGATE_USE_EXISTING_CLUSTER=true in the environment.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: tollgate-bench-admission-e2e <namespace> <tracked deployment> <webhook base url> <ca.crt> [requests]");
    return 2;
}

var (ns, tracked, webhookBase, caFile) = (args[0], args[1], args[2].TrimEnd('/'), args[3]);
var requests = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1000;
using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var token = cancellation.Token;
await using var plane = await TestControlPlane.StartAsync(cancellationToken: token);
var admin = plane.AdminClient;
var user = await plane.MintUserAsync("bench-dev-user", ["bench-dev-team"], token);
using var client = new KubernetesClient(user.Configuration);

await CreateOrReplaceAsync(admin, new V1RoleBinding
{
    Metadata = new V1ObjectMeta { Name = "bench-e2e-edit", Namespace = ns },
    RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = "edit" },
    Subjects = [new Rbacv1Subject { Kind = "Group", ApiGroup = "rbac.authorization.k8s.io", Name = "bench-dev-team" }],
}, token);
const string Unmanaged = "bench-e2e-unmanaged";
await CreateOrReplaceAsync(admin, new V1Deployment
{
    Metadata = new V1ObjectMeta { Name = Unmanaged, Namespace = ns },
    Spec = new V1DeploymentSpec
    {
        Replicas = 0,
        Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = Unmanaged } },
        Template = new V1PodTemplateSpec
        {
            Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = Unmanaged } },
            Spec = new V1PodSpec { Containers = [new V1Container { Name = "web", Image = "myapp:v1.0" }] },
        },
    },
}, token);

const string Registration = "tollgate-bench-e2e";
await admin.DeleteAsync<V1ValidatingWebhookConfiguration>(Registration, cancellationToken: token);
var unregisteredAllowed = await MeasureAsync(Unmanaged, expectAllowed: true, token);
var unregisteredTracked = await MeasureAsync(tracked, expectAllowed: true, token);

await admin.CreateAsync(new V1ValidatingWebhookConfiguration
{
    Metadata = new V1ObjectMeta { Name = Registration },
    Webhooks =
    [
        new V1ValidatingWebhook
        {
            Name = "guard.bench.tollgate.dev",
            ClientConfig = new AdmissionregistrationV1WebhookClientConfig
            {
                Url = $"{webhookBase}/validate/guard",
                CaBundle = File.ReadAllBytes(caFile),
            },
            Rules = [new V1RuleWithOperations { Operations = ["UPDATE"], ApiGroups = ["apps"], ApiVersions = ["v1"], Resources = ["deployments/scale"], Scope = "Namespaced" }],
            NamespaceSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns } },
            FailurePolicy = "Fail",
            SideEffects = "None",
            TimeoutSeconds = 10,
            AdmissionReviewVersions = ["v1"],
        },
    ],
}, cancellationToken: token);
try
{
    await TestControlPlane.WaitUntilAsync("the API server to call the registered webhook", async ct => !await AllowedAsync(tracked, ct), TimeSpan.FromSeconds(30), token);
    var registeredAllowed = await MeasureAsync(Unmanaged, expectAllowed: true, token);
    var registeredDenied = await MeasureAsync(tracked, expectAllowed: false, token);

    Console.WriteLine($"| request ({requests} sequential, dryRun=All) | not registered p50 / p99 (ms) | registered p50 / p99 (ms) | added p50 / p99 (ms) |");
    Console.WriteLine("|---|---|---|---|");
    Row("scale of an unmanaged Deployment: allowed", unregisteredAllowed, registeredAllowed);
    Row("scale of a tracked Deployment: denied (drift)", unregisteredTracked, registeredDenied);
    return 0;
}
finally
{
    await admin.DeleteAsync<V1ValidatingWebhookConfiguration>(Registration, cancellationToken: CancellationToken.None);
}

async Task<LatencySummary> MeasureAsync(string deployment, bool expectAllowed, CancellationToken ct)
{
    // Warm-up: connections, the API server's and the webhook's caches, tiered JIT on both sides of the call.
    for (var i = 0; i < requests / 10; i++)
    {
        await AllowedAsync(deployment, ct);
    }

    var latencies = new List<double>(requests);
    for (var i = 0; i < requests; i++)
    {
        var started = Stopwatch.GetTimestamp();
        var allowed = await AllowedAsync(deployment, ct);
        latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (allowed != expectAllowed)
        {
            throw new InvalidOperationException($"scale of {ns}/{deployment} was {(allowed ? "allowed" : "denied")}, expected the opposite");
        }
    }

    return LatencySummary.Of(latencies);
}

async Task<bool> AllowedAsync(string deployment, CancellationToken ct)
{
    var scale = new V1Scale { Metadata = new V1ObjectMeta { Name = deployment, Namespace = ns }, Spec = new V1ScaleSpec { Replicas = 3 } };
    try
    {
        await client.UpdateScaleAsync<V1Deployment>(deployment, ns, scale, new WriteOptions { DryRun = true }, ct);
        return true;
    }
    catch (KubernetesException denied) when (denied.Message.Contains("denied the request", StringComparison.Ordinal))
    {
        return false;
    }
}

static void Row(string name, LatencySummary before, LatencySummary after) =>
    Console.WriteLine(
        $"| {name} | {before.Format(before.P50)} / {before.Format(before.P99)} | {after.Format(after.P50)} / {after.Format(after.P99)} | " +
        $"{after.Format(after.P50 - before.P50)} / {after.Format(after.P99 - before.P99)} |");

static async Task CreateOrReplaceAsync<T>(IKubernetesClient admin, T entity, CancellationToken ct)
    where T : class, IKubernetesResource<T>
{
    await admin.DeleteAsync<T>(entity.Metadata.Name!, entity.Metadata.Namespace, cancellationToken: ct);
    await TestControlPlane.WaitUntilAsync($"{entity.Metadata.Name} to be gone", async c => await admin.GetAsync<T>(entity.Metadata.Name!, entity.Metadata.Namespace, c) is null, TimeSpan.FromSeconds(30), ct);
    await admin.CreateAsync(entity, cancellationToken: ct);
}
