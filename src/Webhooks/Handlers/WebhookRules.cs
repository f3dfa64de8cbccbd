using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Webhooks.Handlers;

/// <summary>The rules each webhook is registered for; config/webhook ships the same.</summary>
public static class WebhookRules
{
    private static readonly string[] Writes = [AdmissionOperations.Create, AdmissionOperations.Update, AdmissionOperations.Delete];

    public static IReadOnlyList<V1RuleWithOperations> Guard { get; } =
    [
        new() { Operations = Writes, ApiGroups = ["*"], ApiVersions = ["*"], Resources = ["*", "*/scale"], Scope = "Namespaced" },
        new() { Operations = Writes, ApiGroups = [""], ApiVersions = ["v1"], Resources = ["namespaces"], Scope = "Cluster" },
    ];

    public static IReadOnlyList<V1RuleWithOperations> Applications { get; } =
    [
        new() { Operations = Writes, ApiGroups = ["argoproj.io"], ApiVersions = ["v1alpha1"], Resources = ["applications", "appprojects", "applicationsets"], Scope = "Namespaced" },
    ];

    public static IReadOnlyList<V1RuleWithOperations> Rollouts { get; } =
    [
        new()
        {
            Operations = [AdmissionOperations.Create, AdmissionOperations.Update],
            ApiGroups = ["argoproj.io"],
            ApiVersions = ["v1alpha1"],
            Resources = ["rollouts", "analysistemplates", "clusteranalysistemplates"],
            Scope = "*",
        },
    ];
}
