namespace Tollgate.Shared.Kube.Config;

/// <summary>Library and plugin messages can span lines (some embed a stack trace); a command-line error is one line.</summary>
public static class OneLine
{
    public const int MaxLength = 400;

    /// <summary>The message's lines joined with spaces, stack frames dropped, cut at <see cref="MaxLength"/>.</summary>
    public static string Of(string? message)
    {
        var lines = (message ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith("at ", StringComparison.Ordinal) && !line.StartsWith("---", StringComparison.Ordinal));
        var joined = string.Join(' ', lines);
        return joined.Length <= MaxLength ? joined : joined[..MaxLength] + "…";
    }

    /// <summary>The last non-empty line: what a failing plugin says last on stderr is usually the reason.</summary>
    public static string Last(string? text)
    {
        var last = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length <= MaxLength ? last : last[..MaxLength] + "…";
    }
}
