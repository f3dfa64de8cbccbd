using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Pure: Argo CD's validation of an AppProject written through its API (<c>AppProject.ValidateProject</c> after
/// <c>NormalizePolicies</c>), so a project Argo CD's API would refuse is refused when written with kubectl too:
/// destinations, source namespaces, source repositories and roles (names, policies, groups), in Argo CD's order,
/// first error only. Sync windows and destinationServiceAccounts are not validated here.
/// </summary>
public static class ProjectValidator
{
    /// <returns>Argo CD's error for the project, or null when it is valid.</returns>
    public static string? Validate(AppProject project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var name = project.Metadata.Name ?? "";
        var spec = project.Spec;
        HashSet<string> destinations = new(StringComparer.Ordinal);
        foreach (var destination in spec.Destinations ?? [])
        {
            if (destination.Name == "!*")
            {
                return "name has an invalid format, '!*'";
            }

            if (destination.Server == "!*")
            {
                return "server has an invalid format, '!*'";
            }

            if (destination.Namespace == "!*")
            {
                return "namespace has an invalid format, '!*'";
            }

            var key = string.IsNullOrEmpty(destination.Server) && !string.IsNullOrEmpty(destination.Name)
                ? $"{destination.Name}/{destination.Namespace}"
                : $"{destination.Server}/{destination.Namespace}";
            if (!destinations.Add(key))
            {
                return $"destination '{key}' already added";
            }
        }

        HashSet<string> sourceNamespaces = new(StringComparer.Ordinal);
        foreach (var sourceNamespace in spec.SourceNamespaces ?? [])
        {
            if (!sourceNamespaces.Add(sourceNamespace ?? ""))
            {
                return $"source namespace '{sourceNamespace}' already added";
            }
        }

        HashSet<string> sourceRepos = new(StringComparer.Ordinal);
        foreach (var repo in spec.SourceRepos ?? [])
        {
            if (repo == "!*")
            {
                return "source repository has an invalid format, '!*'";
            }

            if (!sourceRepos.Add(repo ?? ""))
            {
                return $"source repository '{repo}' already added";
            }
        }

        return ValidateRoles(name, spec.Roles ?? []);
    }

    /// <summary>Argo CD's <c>normalizePolicy</c>: every field after the first trimmed of spaces and joined with ", ".</summary>
    public static string NormalizePolicy(string policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var fields = policy.Split(',');
        return string.Join(", ", fields.Select((field, index) => index == 0 ? field : field.Trim(' ')));
    }

    private static string? ValidateRoles(string project, IList<ProjectRole> roles)
    {
        HashSet<string> roleNames = new(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (roleNames.Contains(role.Name))
            {
                return $"role '{role.Name}' already exists";
            }

            if (!ProjectRoleValidator.IsValidRoleName(role.Name))
            {
                return $"invalid role name '{role.Name}'. Must consist of alphanumeric characters, '-' or '_', and must start and end with an alphanumeric character";
            }

            HashSet<string> policies = new(StringComparer.Ordinal);
            foreach (var written in role.Policies ?? [])
            {
                var policy = NormalizePolicy(written ?? "");
                if (!policies.Add(policy))
                {
                    return $"policy '{policy}' already exists for role '{role.Name}'";
                }

                if (ProjectRoleValidator.ParsePolicy(project, role.Name, policy, "", out var reason) is null)
                {
                    return $"invalid policy rule '{policy}': {reason}";
                }
            }

            HashSet<string> groups = new(StringComparer.Ordinal);
            foreach (var group in role.Groups ?? [])
            {
                if (!groups.Add(group ?? ""))
                {
                    return $"group '{group}' already exists for role '{role.Name}'";
                }

                if (ProjectRoleValidator.NormalizeGroup(group, out var reason) is null)
                {
                    return reason;
                }
            }

            roleNames.Add(role.Name);
        }

        return null;
    }
}
