namespace Tollgate.Webhooks.Tracking;

/// <summary>
/// An Application as tracking values name it: <c>name</c> (in Argo CD's namespace) or <c>namespace_name</c>.
/// Kubernetes names cannot contain '_', so the split is unambiguous.
/// </summary>
public sealed record ApplicationName(string? Namespace, string Name)
{
    public static ApplicationName? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var underscore = value.IndexOf('_', StringComparison.Ordinal);
        if (underscore < 0)
        {
            return new ApplicationName(null, value);
        }

        return underscore == 0 || underscore == value.Length - 1 ? null : new ApplicationName(value[..underscore], value[(underscore + 1)..]);
    }

    public string NamespaceOr(string defaultNamespace) => Namespace ?? defaultNamespace;

    public override string ToString() => Namespace is null ? Name : $"{Namespace}_{Name}";
}
