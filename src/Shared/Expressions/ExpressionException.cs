namespace Tollgate.Shared.Expressions;

/// <summary>A condition expression failed to parse or to evaluate.</summary>
/// <param name="problem">What went wrong, without position.</param>
/// <param name="column">1-based column in the expression where it went wrong, when known.</param>
public sealed class ExpressionException(string problem, int? column = null)
    : Exception(column is null ? problem : $"{problem} (column {column})")
{
    public string Problem { get; } = problem;

    public int? Column { get; } = column;
}
