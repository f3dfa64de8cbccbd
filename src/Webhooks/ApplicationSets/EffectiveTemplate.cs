using Tollgate.Shared.Entities.ArgoCd;

namespace Tollgate.Webhooks.ApplicationSets;

/// <summary>
/// The Application template one generator renders with: <c>spec.template</c>, or a generator's own <c>template</c>
/// merged over it (Argo CD's mergeGeneratorTemplate: the generator's non-empty fields win).
/// </summary>
/// <param name="Path">Where the template comes from, for messages (<c>spec.template</c> or <c>spec.generators[i].&lt;kind&gt;.template</c>).</param>
/// <param name="Project">The project as written (empty means <c>default</c>).</param>
public sealed record EffectiveTemplate(string Path, string Project, IReadOnlyList<TemplateSource> Sources, ApplicationDestination Destination)
{
    public string ProjectName => Project.Length == 0 ? "default" : Project;
}
