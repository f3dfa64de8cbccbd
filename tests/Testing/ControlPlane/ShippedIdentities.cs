namespace Tollgate.Testing.ControlPlane;

/// <summary>
/// The controllers' in-cluster identities: the repository's config/manager/namespace.yaml and config/rbac applied as
/// admin (once per control plane), and client certificates naming each ServiceAccount exactly as the API server would
/// see its token, so a controller run with one is allowed what the shipped RBAC allows and nothing more.
/// </summary>
public sealed class ShippedIdentities(TestControlPlane plane)
{
    public const string Namespace = "tollgate-system";
    public const string WebhooksServiceAccount = "tollgate-webhooks";
    public const string RolloutsServiceAccount = "tollgate-rollouts";

    private static readonly TimeSpan ApplyTimeout = TimeSpan.FromSeconds(90);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, KubeUser> minted = new(StringComparer.Ordinal);
    private bool applied;

    /// <summary>The groups a ServiceAccount token carries besides system:authenticated, which the API server adds itself.</summary>
    public static IReadOnlyList<string> ServiceAccountGroups { get; } = ["system:serviceaccounts", $"system:serviceaccounts:{Namespace}"];

    public static string UserName(string serviceAccount) => $"system:serviceaccount:{Namespace}:{serviceAccount}";

    /// <summary>system:serviceaccount:tollgate-system:tollgate-webhooks, bound to config/rbac/webhooks-clusterrole.yaml.</summary>
    public Task<KubeUser> WebhooksAsync(CancellationToken cancellationToken = default) => IdentityAsync(WebhooksServiceAccount, cancellationToken);

    /// <summary>system:serviceaccount:tollgate-system:tollgate-rollouts, bound to config/rbac/rollouts-*.yaml.</summary>
    public Task<KubeUser> RolloutsAsync(CancellationToken cancellationToken = default) => IdentityAsync(RolloutsServiceAccount, cancellationToken);

    private async Task<KubeUser> IdentityAsync(string serviceAccount, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!applied)
            {
                await ApplyAsync(cancellationToken);
                applied = true;
            }

            if (!minted.TryGetValue(serviceAccount, out var user))
            {
                user = await plane.MintUserAsync(UserName(serviceAccount), ServiceAccountGroups, cancellationToken);
                minted.Add(serviceAccount, user);
            }

            return user;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        string[][] applies =
        [
            ["apply", "-f", Path.Combine(root, "config", "manager", "namespace.yaml")],
            ["apply", "-k", Path.Combine(root, "config", "rbac")],
        ];
        KubectlResult? failed = null;
        try
        {
            // Retried because a test may just have deleted tollgate-system: until it is gone, objects in it are refused.
            await TestControlPlane.WaitUntilAsync(
                "tollgate-system and config/rbac to be applied",
                async ct =>
                {
                    foreach (var arguments in applies)
                    {
                        var result = await plane.Kubectl.RunAsync(plane.AdminKubeconfigPath, arguments, cancellationToken: ct);
                        if (!result.Succeeded)
                        {
                            failed = result;
                            return false;
                        }
                    }

                    return true;
                },
                ApplyTimeout,
                cancellationToken);
        }
        catch (TimeoutException e) when (failed is not null)
        {
            throw new ControlPlaneException($"{e.Message}; last kubectl run: {failed}", e);
        }
    }
}
