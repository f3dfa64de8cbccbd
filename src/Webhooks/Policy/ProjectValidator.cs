using System.Text;
using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Pure: Argo CD's validation of an AppProject written through its API (<c>AppProject.ValidateProject</c> after
/// <c>NormalizePolicies</c>), so a project Argo CD's API would refuse is refused when written with kubectl too:
/// destinations, source namespaces, source repositories, roles (names, policies, groups), sync windows and
/// destinationServiceAccounts, in Argo CD's order, first error only.
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

        return ValidateRoles(name, spec.Roles ?? [])
            ?? ValidateSyncWindows(spec.SyncWindows)
            ?? ValidateDestinationServiceAccounts(spec.AdditionalProperties is not null && spec.AdditionalProperties.TryGetValue("destinationServiceAccounts", out var accounts) ? accounts : null);
    }

    /// <summary>
    /// Argo CD's window checks: no two windows with the same identity (everything but manualSync and description), then
    /// each window's <c>Validate</c> (kind, schedule, duration, description length) and at least one selector.
    /// </summary>
    private static string? ValidateSyncWindows(JsonElement? windows)
    {
        if (windows is not { ValueKind: JsonValueKind.Array } list)
        {
            return null;
        }

        HashSet<string> identities = new(StringComparer.Ordinal);
        foreach (var window in list.EnumerateArray())
        {
            if (window.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var (kind, schedule, duration) = (Text(window, "kind"), Text(window, "schedule"), Text(window, "duration"));
            var identity = string.Join('\u0000', kind, schedule, duration, List(window, "applications"), List(window, "namespaces"), List(window, "clusters"),
                Text(window, "timeZone"), window.TryGetProperty("andOperator", out var and) && and.ValueKind == JsonValueKind.True);
            if (!identities.Add(identity))
            {
                return $"sync window with kind '{kind}', schedule '{schedule}', and duration '{duration}' already exists (duplicate detected)";
            }

            if (kind is not ("allow" or "deny"))
            {
                return $"kind '{kind}' mismatch: can only be allow or deny";
            }

            CronSchedule.Parse(schedule, out var scheduleError);
            if (scheduleError is not null)
            {
                return $"cannot parse schedule '{schedule}': {scheduleError}";
            }

            if (!SyncWindow.TryParseGoDuration(duration, out _))
            {
                return $"cannot parse duration '{duration}': time: invalid duration \"{duration}\"";
            }

            if (Encoding.UTF8.GetByteCount(Text(window, "description")) > 255)
            {
                return "description must not exceed 255 characters";
            }

            if (Count(window, "applications") == 0 && Count(window, "namespaces") == 0 && Count(window, "clusters") == 0)
            {
                return $"window '{kind}':'{schedule}':'{duration}' requires one of application, cluster or namespace";
            }
        }

        return null;
    }

    private static string? ValidateDestinationServiceAccounts(JsonElement? accounts)
    {
        if (accounts is not { ValueKind: JsonValueKind.Array } list)
        {
            return null;
        }

        HashSet<string> keys = new(StringComparer.Ordinal);
        foreach (var account in list.EnumerateArray())
        {
            var (server, ns, serviceAccount) = (Text(account, "server"), Text(account, "namespace"), Text(account, "defaultServiceAccount"));
            if (server.Contains('!', StringComparison.Ordinal))
            {
                return $"server has an invalid format, '{server}'";
            }

            if (ns.Contains('!', StringComparison.Ordinal))
            {
                return $"namespace has an invalid format, '{ns}'";
            }

            if (serviceAccount.Trim(' ').Length == 0 || serviceAccount.AsSpan().IndexOfAny("!*[]{}\\/") >= 0)
            {
                return $"defaultServiceAccount has an invalid format, '{serviceAccount}'";
            }

            if (!GlobPattern.Compile(server).IsValid)
            {
                return $"server has an invalid format, '{server}'";
            }

            if (!GlobPattern.Compile(ns).IsValid)
            {
                return $"namespace has an invalid format, '{ns}'";
            }

            if (!keys.Add($"{server}/{ns}"))
            {
                return $"destinationServiceAccount '{server}/{ns}' already added";
            }
        }

        return null;
    }

    private static string Text(JsonElement item, string name) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    private static int Count(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.GetArrayLength() : 0;

    private static string List(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? string.Join('\u0001', value.EnumerateArray().Select(entry => entry.ValueKind == JsonValueKind.String ? entry.GetString() : ""))
            : "";

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
