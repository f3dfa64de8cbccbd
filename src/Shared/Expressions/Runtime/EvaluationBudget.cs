namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>
/// Bounds one evaluation: expr's memory budget (elements allocated by ranges, literals and builtins)
/// and our cap on evaluation steps, so hostile input ends with an error instead of running on.
/// </summary>
internal sealed class EvaluationBudget
{
    /// <summary>expr's conf.DefaultMemoryBudget.</summary>
    public const long MaxMemory = 1_000_000;

    public const long MaxSteps = 20_000_000;

    private long memory;
    private long steps;

    public void Allocate(long elements)
    {
        memory += elements;
        if (memory > MaxMemory || elements > MaxMemory)
        {
            throw new EvaluationError("memory budget exceeded");
        }
    }

    public void Step()
    {
        if (++steps > MaxSteps)
        {
            throw new EvaluationError($"evaluation exceeded {MaxSteps:N0} steps");
        }
    }
}
