namespace Tollgate.Webhooks.ApplicationSets;

/// <summary>What admission reads of an ApplicationSet: its identity, the project of <c>spec.template</c> and every template a generator renders with.</summary>
public sealed record ApplicationSetView(string Name, string Namespace, string Project, IReadOnlyList<EffectiveTemplate> Templates, bool HasTemplatePatch)
{
    /// <summary>Argo CD's <c>ApplicationSet.RBACName</c> project: <c>spec.template.spec.project</c>, empty means <c>default</c>.</summary>
    public string ProjectName => Project.Length == 0 ? "default" : Project;
}
