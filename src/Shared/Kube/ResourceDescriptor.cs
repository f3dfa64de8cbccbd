namespace Tollgate.Shared.Kube;

/// <summary>Where a kind lives in the API: group, version, kind, plural resource name and scope.</summary>
public sealed record ResourceDescriptor(string Group, string Version, string Kind, string Plural, bool Namespaced)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>The collection path, for example <c>/apis/apps/v1/namespaces/prod/deployments</c>.</summary>
    public string CollectionPath(string? @namespace)
    {
        var root = Group.Length == 0 ? $"/api/{Version}" : $"/apis/{Group}/{Version}";
        return Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{root}/namespaces/{Uri.EscapeDataString(@namespace)}/{Plural}"
            : $"{root}/{Plural}";
    }

    public string ItemPath(string name, string? @namespace, string? subresource = null)
    {
        if (Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{Kind} is namespaced: a namespace is required", nameof(@namespace));
        }

        var path = $"{CollectionPath(@namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    public override string ToString() => $"{Plural}.{(Group.Length == 0 ? "core" : Group)}/{Version}";
}
