namespace Tollgate.Webhooks.Policy;

/// <summary>A white- or blacklist entry: group and kind globs (filepath.Match syntax) and, for cluster-scoped lists, an optional name glob.</summary>
internal sealed class CompiledResourceRule
{
    private readonly GlobPattern group;
    private readonly GlobPattern kind;
    private readonly GlobPattern? name;

    public CompiledResourceRule(string? group, string? kind, string? name = null)
    {
        this.group = GlobPattern.Compile(group ?? "", GlobDialect.FilePath, '/');
        this.kind = GlobPattern.Compile(kind ?? "", GlobDialect.FilePath, '/');
        this.name = string.IsNullOrEmpty(name) ? null : GlobPattern.Compile(name, GlobDialect.FilePath, '/');
    }

    /// <summary>An empty group is the core group, and <c>*</c> matches it because <c>*</c> matches the empty string.</summary>
    public bool Matches(string resourceGroup, string resourceKind, string? resourceName) =>
        kind.IsMatch(resourceKind) && group.IsMatch(resourceGroup) && (name is null || name.IsMatch(resourceName));

    public override string ToString() =>
        name is null
            ? $"{{group '{group.Pattern}', kind '{kind.Pattern}'}}"
            : $"{{group '{group.Pattern}', kind '{kind.Pattern}', name '{name.Pattern}'}}";
}
