namespace Tollgate.Webhooks.ApplicationSets;

/// <summary>Whether an ApplicationSet template value is filled in by generators (fasttemplate or Go templates both use <c>{{</c>).</summary>
public static class TemplateText
{
    public static bool IsTemplated(string? value) => value is not null && value.Contains("{{", StringComparison.Ordinal);
}
