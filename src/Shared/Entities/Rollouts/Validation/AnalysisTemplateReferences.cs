namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>Collects the templates a list of <c>templates:</c> names, refusing an entry without a name.</summary>
public static class AnalysisTemplateReferences
{
    public static void Collect(IList<AnalysisTemplateRef>? references, string field, List<TemplateReference> templates, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(errors);
        var list = references ?? [];
        for (var index = 0; index < list.Count; index++)
        {
            var name = list[index]?.TemplateName;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"{field}[{index}].templateName: a template name is required");
                continue;
            }

            templates.Add(new TemplateReference(name, list[index].ClusterScope == true, $"{field}[{index}]"));
        }
    }
}
