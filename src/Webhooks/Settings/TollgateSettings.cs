namespace Tollgate.Webhooks.Settings;

/// <summary>Tollgate's own configuration: who the GitOps controllers and system components are, and how tracking works.</summary>
public sealed record TollgateSettings
{
    public const string DefaultArgoCdNamespace = "argocd";
    public const string DefaultRbacConfigMap = "argocd-rbac-cm";
    public const string DefaultTrackingLabel = "app.kubernetes.io/instance";
    public const string TrackingAnnotation = "argocd.argoproj.io/tracking-id";
    public const string BreakGlassAnnotation = "tollgate.dev/break-glass";
    public const string GuardLabel = "tollgate.dev/guard";
    public const string DefaultBreakGlassGroup = "tollgate:break-glass";

    public static IReadOnlyList<string> DefaultControllerUsers { get; } =
    [
        "system:serviceaccount:argocd:argocd-application-controller",
        "system:serviceaccount:argocd:argocd-server",
        "system:serviceaccount:argocd:argocd-applicationset-controller",
        "system:serviceaccount:tollgate-system:tollgate-rollouts",
        "system:serviceaccount:tollgate-system:tollgate-webhooks",
    ];

    /// <summary>
    /// The control plane's own identities: kube-controller-manager (with --use-service-account-credentials its
    /// controllers, the HPA, the garbage collector and the namespace controller are kube-system service accounts),
    /// the scheduler, the API server itself, and kubelets.
    /// </summary>
    public static IReadOnlyList<string> DefaultSystemUsers { get; } =
    [
        "system:kube-controller-manager",
        "system:kube-scheduler",
        "system:apiserver",
        "system:serviceaccount:kube-system:*",
    ];

    public static IReadOnlyList<string> DefaultSystemGroups { get; } = ["system:nodes"];

    public static IReadOnlyList<string> DefaultAdminGroups { get; } = ["system:masters"];

    public static TollgateSettings Default { get; } = new();

    /// <summary>Where Argo CD runs: its AppProjects, Applications and argocd-rbac-cm live here.</summary>
    public string ArgoCdNamespace { get; init; } = DefaultArgoCdNamespace;

    public string RbacConfigMap { get; init; } = DefaultRbacConfigMap;

    public IdentitySet Controllers { get; init; } = new(DefaultControllerUsers, []);

    public IdentitySet System { get; init; } = new(DefaultSystemUsers, DefaultSystemGroups);

    public IdentityPatterns AdminGroups { get; init; } = new(DefaultAdminGroups);

    public string BreakGlassGroup { get; init; } = DefaultBreakGlassGroup;

    public TrackingMethod TrackingMethod { get; init; } = TrackingMethod.AnnotationAndLabel;

    public string TrackingLabel { get; init; } = DefaultTrackingLabel;

    public bool TracksByAnnotation => TrackingMethod is TrackingMethod.Annotation or TrackingMethod.AnnotationAndLabel;

    public bool TracksByLabel => TrackingMethod is TrackingMethod.Label or TrackingMethod.AnnotationAndLabel;
}
