namespace Tollgate.Webhooks.Tracking;

/// <summary>
/// Argo CD's tracking id, <c>&lt;app&gt;:&lt;group&gt;/&lt;kind&gt;:&lt;namespace&gt;/&lt;name&gt;</c>. The application is
/// <c>&lt;namespace&gt;_&lt;name&gt;</c> when it lives outside Argo CD's own namespace.
/// </summary>
public sealed record TrackingId(ApplicationName Application, string Group, string Kind, string Namespace, string Name)
{
    public static TrackingId? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var parts = value.Split(':');
        if (parts.Length != 3)
        {
            return null;
        }

        var groupKind = parts[1].Split('/');
        var namespacedName = parts[2].Split('/');
        if (groupKind.Length != 2 || namespacedName.Length != 2 || groupKind[1].Length == 0 || namespacedName[1].Length == 0)
        {
            return null;
        }

        var application = ApplicationName.Parse(parts[0]);
        return application is null ? null : new TrackingId(application, groupKind[0], groupKind[1], namespacedName[0], namespacedName[1]);
    }

    /// <summary>
    /// True when the id names exactly this object; an annotation copied onto another object does not make it managed.
    /// Cluster-scoped objects have an empty namespace in the id.
    /// </summary>
    public bool Names(string group, string kind, string? @namespace, string name) =>
        string.Equals(Group, group, StringComparison.Ordinal)
        && string.Equals(Kind, kind, StringComparison.Ordinal)
        && string.Equals(Namespace, @namespace ?? "", StringComparison.Ordinal)
        && string.Equals(Name, name, StringComparison.Ordinal);

    public override string ToString() => $"{Application}:{Group}/{Kind}:{Namespace}/{Name}";
}
