using System.Text.Json;
using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Tests.Policy;

internal static class ProjectFixtures
{
    public const string InClusterServer = "https://kubernetes.default.svc";

    public static AppProject SeedProject() =>
        JsonSerializer.Deserialize(SeedManifests.AppProjectJson, ArgoCdJsonContext.Default.AppProject)!;

    public static Application SeedApplication() =>
        JsonSerializer.Deserialize(SeedManifests.ApplicationJson, ArgoCdJsonContext.Default.Application)!;

    public static CompiledProject CompiledSeedProject() => CompiledProject.Compile(SeedProject());

    public static CompiledProject WithSourceRepos(params string[] sourceRepos) =>
        CompiledProject.Compile(Project(spec => spec.SourceRepos = sourceRepos));

    public static CompiledProject WithDestinations(params ApplicationDestination[] destinations) =>
        CompiledProject.Compile(Project(spec => spec.Destinations = destinations));

    public static AppProject Project(Action<AppProjectSpec> configure, string name = "production")
    {
        var project = new AppProject { Metadata = new() { Name = name, Namespace = "argocd" } };
        configure(project.Spec);
        return project;
    }

    public static ApplicationDestination Destination(string? server, string? destinationNamespace, string? name = null) =>
        new() { Server = server, Namespace = destinationNamespace, Name = name };

    public static ProjectRole Role(string name, string[] policies, params string[] groups) =>
        new() { Name = name, Policies = policies, Groups = groups };

    /// <summary>Parses "group/kind" (or "kind" for the core group) into a list entry.</summary>
    public static GroupKind[] GroupKinds(params string[] entries) =>
        Array.ConvertAll(entries, entry =>
        {
            var slash = entry.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? new GroupKind { Group = "", Kind = entry } : new GroupKind { Group = entry[..slash], Kind = entry[(slash + 1)..] };
        });

    public static ClusterResourceRestrictionItem[] ClusterKinds(params string[] entries) =>
        Array.ConvertAll(GroupKinds(entries), item => new ClusterResourceRestrictionItem { Group = item.Group, Kind = item.Kind });

    public static Application Application(string project, ApplicationDestination destination, params string[] repoUrls)
    {
        var application = new Application { Metadata = new() { Name = "web-app", Namespace = "argocd" } };
        application.Spec.Project = project;
        application.Spec.Destination = destination;
        if (repoUrls.Length == 1)
        {
            application.Spec.Source = new ApplicationSource { RepoUrl = repoUrls[0], Path = "apps/web-app", TargetRevision = "main" };
        }
        else
        {
            application.Spec.Sources = [.. repoUrls.Select(url => new ApplicationSource { RepoUrl = url, Path = "apps/web-app", TargetRevision = "main" })];
        }

        return application;
    }
}
