namespace Tollgate.Shared.Kube.Config;

/// <summary>Library and plugin messages can span lines (some embed a stack trace); a command-line error is one line.</summary>
public static class OneLine
{
    public const int MaxLength = 400;

    public static string Of(string? message)
    {
        var first = (message ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return first.Length <= MaxLength ? first : first[..MaxLength] + "…";
    }

    /// <summary>The last non-empty line: what a failing plugin says last on stderr is usually the reason.</summary>
    public static string Last(string? text)
    {
        var last = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return last.Length <= MaxLength ? last : last[..MaxLength] + "…";
    }
}
