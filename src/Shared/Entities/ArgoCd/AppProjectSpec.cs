using System.Text.Json;
using System.Text.Json.Serialization;
using Tollgate.Shared.Crds.Attributes;

namespace Tollgate.Shared.Entities.ArgoCd;

/// <summary>
/// The limits of a project. For the resource lists, null (field absent) and an empty list mean different things to Argo CD,
/// so they stay nullable and are never defaulted to an empty list.
/// </summary>
[PreserveUnknownFields]
public sealed class AppProjectSpec
{
    public string? Description { get; set; }

    public IList<string>? SourceRepos { get; set; }

    public IList<ApplicationDestination>? Destinations { get; set; }

    public IList<ClusterResourceRestrictionItem>? ClusterResourceWhitelist { get; set; }

    public IList<ClusterResourceRestrictionItem>? ClusterResourceBlacklist { get; set; }

    public IList<GroupKind>? NamespaceResourceWhitelist { get; set; }

    public IList<GroupKind>? NamespaceResourceBlacklist { get; set; }

    public IList<ProjectRole>? Roles { get; set; }

    public IList<string>? SourceNamespaces { get; set; }

    [SchemaType("object")]
    public JsonElement? OrphanedResources { get; set; }

    [SchemaType("array")]
    public JsonElement? SyncWindows { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
