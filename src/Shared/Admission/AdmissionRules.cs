using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>Builds the rules a webhook registers for.</summary>
public static class AdmissionRules
{
    /// <summary>The given operations on <paramref name="resource"/> (optionally a subresource such as <c>scale</c>).</summary>
    public static V1RuleWithOperations For(ResourceDescriptor resource, IEnumerable<string> operations, string? subresource = null) =>
        new()
        {
            Operations = [.. operations],
            ApiGroups = [resource.Group],
            ApiVersions = [resource.Version],
            Resources = [subresource is null ? resource.Plural : $"{resource.Plural}/{subresource}"],
            Scope = resource.Namespaced ? "Namespaced" : "Cluster",
        };

    /// <summary>CREATE and UPDATE of <paramref name="resource"/>.</summary>
    public static V1RuleWithOperations ForWrites(ResourceDescriptor resource) =>
        For(resource, [AdmissionOperations.Create, AdmissionOperations.Update]);
}
