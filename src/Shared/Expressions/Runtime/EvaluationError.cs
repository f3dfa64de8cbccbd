namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>A run-time error; the interpreter attaches the position of the node that raised it.</summary>
internal sealed class EvaluationError(string message, int position = -1) : Exception(message)
{
    public int Position { get; } = position;
}
