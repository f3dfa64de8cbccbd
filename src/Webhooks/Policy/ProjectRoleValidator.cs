namespace Tollgate.Webhooks.Policy;

/// <summary>Argo CD's validation of project roles: role names, group names and the 6-field policies.</summary>
internal static class ProjectRoleValidator
{
    /// <summary>The resources a project role may grant; anything else belongs to the global policy.</summary>
    public static readonly IReadOnlySet<string> ProjectScopedResources =
        new HashSet<string>(StringComparer.Ordinal) { "applications", "applicationsets", "logs", "exec", "clusters", "repositories" };

    private static readonly HashSet<string> PlainActions =
        new(StringComparer.Ordinal) { "get", "create", "update", "delete", "sync", "override", "rollback", "*" };

    private static readonly string[] SubActionPrefixes = ["action/", "update/", "delete/"];

    /// <summary>Alphanumeric, '-' or '_', starting and ending alphanumeric.</summary>
    public static bool IsValidRoleName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return false;
        }

        foreach (var character in name)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Argo CD's <c>validateGroupName</c>: returns the group as its casbin line binds it (surrounding quotes removed), or
    /// null with Argo CD's reason. Surrounding whitespace is refused, not trimmed: Argo CD's API refuses such a project,
    /// and its runtime policy would keep a trailing space in the group, so the group would never match anyway.
    /// </summary>
    public static string? NormalizeGroup(string? group, out string? reason)
    {
        var original = group ?? "";
        var name = original.Trim();
        if (name.Length > 1 && name.StartsWith('"') && name.EndsWith('"'))
        {
            name = name[1..^1];
        }
        else if (name.Contains(',', StringComparison.Ordinal))
        {
            reason = $"group '{name}' must be quoted";
            return null;
        }

        if (name.Length == 0)
        {
            reason = $"group '{name}' is empty";
            return null;
        }

        if (name.AsSpan().IndexOfAny("\"\n\r\t") >= 0)
        {
            reason = $"group '{name}' contains invalid characters";
            return null;
        }

        // Argo CD looks at the text as written (before trimming), and only when it is longer than one character.
        if (original.Length > 1 && char.IsWhiteSpace(original[0]))
        {
            reason = $"group '{name}' contains a leading space";
            return null;
        }

        if (original.Length > 1 && char.IsWhiteSpace(original[^1]))
        {
            reason = $"group '{name}' contains a trailing space";
            return null;
        }

        reason = null;
        return name;
    }

    /// <summary>
    /// Parses <c>p, proj:&lt;project&gt;:&lt;role&gt;, &lt;resource&gt;, &lt;action&gt;, &lt;project&gt;/&lt;object&gt;, allow|deny</c>,
    /// returning null with the reason when the policy is not exactly that.
    /// </summary>
    public static RbacPermission? ParsePolicy(string project, string role, string? policy, string origin, out string? reason)
    {
        var fields = (policy ?? "").Split(',');
        if (fields.Length != 6 || fields[0].Trim() != "p")
        {
            reason = "a project policy must have the 6 fields 'p, proj:<project>:<role>, <resource>, <action>, <project>/<object>, allow|deny'";
            return null;
        }

        for (var index = 0; index < fields.Length; index++)
        {
            fields[index] = fields[index].Trim();
        }

        var expectedSubject = $"proj:{project}:{role}";
        if (fields[1] != expectedSubject)
        {
            reason = $"the subject must be '{expectedSubject}', not '{fields[1]}'";
            return null;
        }

        if (!ProjectScopedResources.Contains(fields[2]))
        {
            reason = $"the resource must be one of {string.Join(", ", ProjectScopedResources.Order(StringComparer.Ordinal))}, not '{fields[2]}'";
            return null;
        }

        if (!IsValidAction(fields[3]))
        {
            reason = $"'{fields[3]}' is not an action";
            return null;
        }

        if (!IsValidObject(project, fields[4]))
        {
            reason = $"the object must look like '{project}/<application>' or '{project}/<namespace>/<application>', not '{fields[4]}'";
            return null;
        }

        if (!RbacPolicyParser.TryParseEffect(fields[5], out var effect))
        {
            reason = $"the effect must be 'allow' or 'deny', not '{fields[5]}'";
            return null;
        }

        reason = null;
        return new RbacPermission(fields[1], fields[2], fields[3], fields[4], effect, origin);
    }

    // Argo CD tests the sub-action prefixes with unanchored regexes, so they are accepted anywhere in the action.
    private static bool IsValidAction(string action) =>
        PlainActions.Contains(action) || Array.Exists(SubActionPrefixes, prefix => action.Contains(prefix, StringComparison.Ordinal));

    /// <summary><c>&lt;project&gt;[/&lt;namespace&gt;]/&lt;application&gt;</c>, each segment made of letters, digits, '_', '-', '.' or '*'.</summary>
    private static bool IsValidObject(string project, string value)
    {
        if (!value.StartsWith(project + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = value[(project.Length + 1)..].Split('/');
        return segments.Length is 1 or 2 && Array.TrueForAll(segments, IsValidObjectSegment);
    }

    private static bool IsValidObjectSegment(string segment)
    {
        if (segment.Length == 0)
        {
            return false;
        }

        foreach (var character in segment)
        {
            if (!char.IsAsciiLetterOrDigit(character) && character is not ('_' or '-' or '.' or '*'))
            {
                return false;
            }
        }

        return true;
    }
}
