namespace Tollgate.Webhooks.Tracking;

/// <summary>Which object a request is about: API group (empty for core), kind, namespace (null when cluster-scoped) and name.</summary>
public sealed record ObjectCoordinates(string Group, string Kind, string? Namespace, string Name)
{
    public override string ToString()
    {
        var groupKind = Group.Length == 0 ? Kind : $"{Kind}.{Group}";
        return Namespace is null ? $"{groupKind} {Name}" : $"{groupKind} {Namespace}/{Name}";
    }
}
