using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>The Application that manages an object, with what a human needs to change it in Git instead.</summary>
public sealed record ManagingApplication(string Name, string Namespace, string Project, string RepoUrl, string Path, string Revision)
{
    public static ManagingApplication From(Application application)
    {
        ArgumentNullException.ThrowIfNull(application);
        var spec = application.Spec;
        var source = spec.Sources is { Count: > 0 } sources ? sources[0] : spec.Source;
        return new ManagingApplication(
            application.Metadata.Name ?? "",
            application.Metadata.Namespace ?? "",
            string.IsNullOrEmpty(spec.Project) ? CompiledProject.DefaultProjectName : spec.Project,
            source?.RepoUrl ?? "(no repository)",
            source?.Path is { Length: > 0 } path ? path : source?.Chart is { Length: > 0 } chart ? $"chart {chart}" : ".",
            source?.TargetRevision is { Length: > 0 } revision ? revision : "HEAD");
    }

    /// <summary>The RBAC object of the application, <c>&lt;project&gt;/&lt;app&gt;</c>, or with its namespace when outside Argo CD's.</summary>
    public string RbacObject(string argoCdNamespace) => RbacObjects.For(Project, Namespace, Name, argoCdNamespace);

    public string Describe() =>
        $"Argo CD Application {Name} (project {Project}) from repository {RepoUrl}, path {Path}, revision {Revision}";
}
