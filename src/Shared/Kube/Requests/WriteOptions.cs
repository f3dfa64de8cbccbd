namespace Tollgate.Shared.Kube.Requests;

/// <summary>Options shared by create, update and patch.</summary>
public sealed record WriteOptions
{
    /// <summary>Server-side dry run: admission and validation run, nothing is stored.</summary>
    public bool DryRun { get; init; }

    public string? FieldManager { get; init; }

    /// <summary>Server-side apply only: take ownership of conflicting fields.</summary>
    public bool Force { get; init; }

    internal void AppendTo(QueryString query)
    {
        query.Add("dryRun", DryRun ? "All" : null);
        query.Add("fieldManager", FieldManager);
        query.Add("force", Force ? "true" : null);
    }
}
