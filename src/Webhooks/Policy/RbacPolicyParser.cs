using System.Globalization;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Reads Argo CD's global RBAC configuration. Malformed lines are skipped and reported in
/// <see cref="RbacPolicy.Diagnostics"/>; nothing here throws on bad input.
/// </summary>
public static class RbacPolicyParser
{
    public const string PolicyCsvKey = "policy.csv";
    public const string DefaultRoleKey = "policy.default";
    public const string MatchModeKey = "policy.matchMode";

    /// <summary>
    /// Reads the data of an argocd-rbac-cm ConfigMap: <c>policy.csv</c> first, then every <c>policy.&lt;overlay&gt;.csv</c>
    /// key in ordinal order, plus <c>policy.default</c> and <c>policy.matchMode</c>.
    /// </summary>
    public static RbacPolicy ParseConfigMap(IReadOnlyDictionary<string, string>? data)
    {
        if (data is null)
        {
            return RbacPolicy.Empty;
        }

        List<RbacPermission> permissions = [];
        List<RbacRoleBinding> bindings = [];
        List<PolicyDiagnostic> diagnostics = [];
        if (data.TryGetValue(PolicyCsvKey, out var mainCsv))
        {
            ParseInto(mainCsv, PolicyCsvKey, permissions, bindings, diagnostics);
        }

        var overlayKeys = data.Keys
            .Where(key => key != PolicyCsvKey
                && key.StartsWith("policy.", StringComparison.Ordinal)
                && key.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var key in overlayKeys)
        {
            ParseInto(data[key], key, permissions, bindings, diagnostics);
        }

        var defaultRole = data.TryGetValue(DefaultRoleKey, out var role) && !string.IsNullOrWhiteSpace(role) ? role.Trim() : null;
        var matchMode = data.TryGetValue(MatchModeKey, out var mode) && mode.Trim() == "regex" ? RbacMatchMode.Regex : RbacMatchMode.Glob;
        return new RbacPolicy(permissions, bindings, defaultRole, matchMode, diagnostics);
    }

    /// <summary>Reads policy CSV text; <paramref name="origin"/> names its source in diagnostics and decisions (line numbers are appended).</summary>
    public static RbacPolicy Parse(string? csv, string origin = PolicyCsvKey, string? defaultRole = null, RbacMatchMode matchMode = RbacMatchMode.Glob)
    {
        List<RbacPermission> permissions = [];
        List<RbacRoleBinding> bindings = [];
        List<PolicyDiagnostic> diagnostics = [];
        ParseInto(csv, origin, permissions, bindings, diagnostics);
        return new RbacPolicy(permissions, bindings, defaultRole, matchMode, diagnostics);
    }

    private static void ParseInto(
        string? csv,
        string origin,
        List<RbacPermission> permissions,
        List<RbacRoleBinding> bindings,
        List<PolicyDiagnostic> diagnostics)
    {
        var lines = (csv ?? "").Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var lineOrigin = string.Create(CultureInfo.InvariantCulture, $"{origin}:{index + 1}");
            if (!CsvLineReader.TryRead(line, out var fields, out var error))
            {
                diagnostics.Add(new PolicyDiagnostic(lineOrigin, line, error!));
                continue;
            }

            switch (fields[0])
            {
                case "p" when fields.Count == 6:
                    if (TryParseEffect(fields[5], out var effect))
                    {
                        permissions.Add(new RbacPermission(fields[1], fields[2], fields[3], fields[4], effect, lineOrigin));
                    }
                    else
                    {
                        diagnostics.Add(new PolicyDiagnostic(lineOrigin, line, $"effect must be 'allow' or 'deny', not '{fields[5]}'"));
                    }

                    break;
                case "p":
                    diagnostics.Add(new PolicyDiagnostic(
                        lineOrigin, line, $"a permission needs 6 fields 'p, subject, resource, action, object, effect', found {fields.Count}"));
                    break;
                case "g" when fields.Count == 3:
                    bindings.Add(new RbacRoleBinding(fields[1], fields[2], lineOrigin));
                    break;
                case "g":
                    diagnostics.Add(new PolicyDiagnostic(
                        lineOrigin, line, $"a role binding needs 3 fields 'g, user-or-group, role', found {fields.Count}"));
                    break;
                default:
                    diagnostics.Add(new PolicyDiagnostic(lineOrigin, line, $"a line must start with 'p' or 'g', not '{fields[0]}'"));
                    break;
            }
        }
    }

    internal static bool TryParseEffect(string text, out RbacEffect effect)
    {
        switch (text)
        {
            case "allow":
                effect = RbacEffect.Allow;
                return true;
            case "deny":
                effect = RbacEffect.Deny;
                return true;
            default:
                effect = default;
                return false;
        }
    }
}
