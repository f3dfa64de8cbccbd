namespace Tollgate.Webhooks.Policy;

/// <summary>
/// A project pattern that may start with <c>!</c>. Evaluating it answers Argo CD's question "does this entry match?":
/// a plain pattern matches what it globs, a <c>!pattern</c> matches everything its pattern does not glob.
/// </summary>
internal sealed class NegatableGlob
{
    private readonly GlobPattern glob;

    private NegatableGlob(string text, bool isNegated, GlobPattern glob)
    {
        Text = text;
        IsNegated = isNegated;
        this.glob = glob;
    }

    /// <summary>The pattern as written in the project (before any normalisation).</summary>
    public string Text { get; }

    public bool IsNegated { get; }

    public static NegatableGlob Compile(string? text, char? separator = null, Func<string, string>? normalize = null)
    {
        text ??= "";
        var isNegated = text.StartsWith('!');
        var body = isNegated ? text[1..] : text;
        if (normalize is not null)
        {
            body = normalize(body);
        }

        return new NegatableGlob(text, isNegated, GlobPattern.Compile(body, GlobDialect.Extended, separator));
    }

    public bool Evaluate(ReadOnlySpan<char> value)
    {
        if (IsNegated)
        {
            return !glob.IsMatch(value);
        }

        // Argo CD short-cuts a lone "*" to match everything, even where "*" would otherwise stop at a separator.
        return glob.Pattern == "*" || glob.IsMatch(value);
    }

    public override string ToString() => Text;
}
