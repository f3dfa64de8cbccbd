using Tollgate.Shared.Expressions.Syntax;

namespace Tollgate.Shared.Expressions;

/// <summary>
/// A successCondition/failureCondition in the subset of expr-lang that Argo Rollouts uses, parsed once
/// and evaluated against many measurements. Interpreted over its own syntax tree: no code is generated.
/// </summary>
/// <remarks>
/// Supports number, string, true/false/nil literals; the variable <c>result</c>; indexing (negative
/// indexes count from the end); + - * / % ** ^; comparisons; and/or/not (also &amp;&amp; || !); and the
/// functions len, isNaN, isInf, isNil, default, asInt, asFloat, all and any (predicate with <c>#</c>).
/// </remarks>
public sealed class ConditionExpression
{
    private readonly ExpressionNode root;

    private ConditionExpression(string source, ExpressionNode root)
    {
        Source = source;
        this.root = root;
    }

    public string Source { get; }

    /// <exception cref="ExpressionException">The expression is not valid.</exception>
    public static ConditionExpression Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ConditionExpression(source, Parser.Parse(source));
    }

    /// <summary>Evaluates the expression with <c>result</c> bound to <paramref name="result"/>.</summary>
    /// <param name="result">null, a number, a string, a bool, or a sequence of those (e.g. double[]).</param>
    /// <returns>null, bool, long, double, string, or IReadOnlyList&lt;object?&gt;.</returns>
    /// <exception cref="ExpressionException">Evaluation failed, e.g. an index out of range or mismatched types.</exception>
    public object? Evaluate(object? result) => Interpreter.Evaluate(root, Values.FromResult(result));

    /// <summary>Evaluates the expression as a condition, which must produce a bool.</summary>
    /// <exception cref="ExpressionException">Evaluation failed or did not produce a bool.</exception>
    public bool IsSatisfiedBy(object? result) => Evaluate(result) switch
    {
        bool verdict => verdict,
        var other => throw new ExpressionException($"expected bool, but got {Values.TypeName(other)}"),
    };

    public override string ToString() => Source;
}
