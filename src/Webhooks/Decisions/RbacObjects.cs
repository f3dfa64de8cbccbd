namespace Tollgate.Webhooks.Decisions;

public static class RbacObjects
{
    /// <summary>Argo CD names an application <c>&lt;project&gt;/&lt;app&gt;</c>, or <c>&lt;project&gt;/&lt;namespace&gt;/&lt;app&gt;</c> outside its own namespace.</summary>
    public static string For(string project, string applicationNamespace, string application, string argoCdNamespace) =>
        string.IsNullOrEmpty(applicationNamespace) || applicationNamespace == argoCdNamespace
            ? $"{project}/{application}"
            : $"{project}/{applicationNamespace}/{application}";
}
