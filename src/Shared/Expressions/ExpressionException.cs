namespace Tollgate.Shared.Expressions;

/// <summary>A condition expression failed to compile or to evaluate.</summary>
/// <remarks>The message is expr's: the problem followed by <c>(line:column)</c> when the position is known.</remarks>
public sealed class ExpressionException : Exception
{
    public ExpressionException(string problem, int? line = null, int? column = null)
        : base(line is null || column is null ? problem : $"{problem} ({line}:{column})")
    {
        Problem = problem;
        Line = line;
        Column = column;
    }

    /// <summary>What went wrong, without position.</summary>
    public string Problem { get; }

    /// <summary>1-based line of the error in the expression, when known.</summary>
    public int? Line { get; }

    /// <summary>1-based column (in characters) of the error on its line, when known.</summary>
    public int? Column { get; }

    /// <summary>Whether the expression failed to compile (syntax, unknown name, types) rather than while evaluating.</summary>
    public bool IsCompileError { get; init; }

    internal static ExpressionException At(string source, string problem, int position, bool compile)
    {
        var line = 1;
        var column = 1;
        for (var i = 0; i < Math.Min(position, source.Length); i++)
        {
            if (source[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(source[i]))
            {
                column++;
            }
        }

        return new ExpressionException(problem, line, column) { IsCompileError = compile };
    }
}
