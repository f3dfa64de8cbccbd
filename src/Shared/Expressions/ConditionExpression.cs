using System.Collections.Concurrent;
using Tollgate.Shared.Expressions.Checking;
using Tollgate.Shared.Expressions.Runtime;
using Tollgate.Shared.Expressions.Syntax;

namespace Tollgate.Shared.Expressions;

/// <summary>
/// A successCondition/failureCondition in expr-lang (the language Argo Rollouts evaluates them with), in
/// Argo's environment: <c>result</c> plus asInt, asFloat, isNaN, isInf, isNil and default. Parsed once into a
/// syntax tree and interpreted: no code is generated. docs/analysis.md lists the language and our limits.
/// </summary>
public sealed class ConditionExpression
{
    /// <summary>Longest source accepted; conditions are one-liners, this only stops abuse.</summary>
    public const int MaxSourceLength = 64 * 1024;

    private readonly Node root;

    // Argo compiles each condition with result typed as the measured value's Go type; the type check for
    // each kind of result is done once and remembered (null = passed).
    private readonly ConcurrentDictionary<Nature, ExpressionException?> checkedNatures = new();

    private ConditionExpression(string source, Node root)
    {
        Source = source;
        this.root = root;
    }

    public string Source { get; }

    /// <summary>Parses and checks the expression with <c>result</c> of unknown type.</summary>
    /// <exception cref="ExpressionException">The expression does not compile; the message has expr's line:column.</exception>
    public static ConditionExpression Compile(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Length > MaxSourceLength)
        {
            throw new ExpressionException($"expression is {source.Length} characters long; at most {MaxSourceLength} are allowed") { IsCompileError = true };
        }

        Node root;
        try
        {
            root = Parser.Parse(source);
            Checker.Check(root, Nature.Unknown);
        }
        catch (SyntaxError error)
        {
            throw ExpressionException.At(source, error.Message, error.Position, compile: true);
        }
        catch (EvaluationError error)
        {
            throw ExpressionException.At(source, error.Message, Math.Max(0, error.Position), compile: true);
        }

        return new ConditionExpression(source, root);
    }

    /// <summary>Evaluates the expression with <c>result</c> bound to <paramref name="result"/>.</summary>
    /// <param name="result">
    /// null, bool, int/long, float/double, string, double[], any IReadOnlyList/IEnumerable of those,
    /// IReadOnlyDictionary&lt;string, object?&gt; (a JSON object) or a System.Text.Json JsonElement (every JSON
    /// number becomes a float, as Go's encoding/json gives Argo).
    /// </param>
    /// <returns>null, bool, long, double, string, IReadOnlyList&lt;object?&gt;, IDictionary&lt;object, object?&gt;, DateTimeOffset or TimeSpan.</returns>
    /// <exception cref="ExpressionException">The expression does not type-check for this result, or evaluating it failed.</exception>
    /// <exception cref="ArgumentException">The result is of a type no metric provider produces.</exception>
    public object? Evaluate(object? result)
    {
        object? value;
        try
        {
            value = Values.FromResult(result);
        }
        catch (EvaluationError error)
        {
            throw new ExpressionException($"cannot use the metric result: {error.Message}");
        }

        var nature = Nature.Of(value);
        var problem = checkedNatures.GetOrAdd(nature, TypeCheck);
        if (problem is not null)
        {
            throw problem;
        }

        try
        {
            return Interpreter.Evaluate(root, value);
        }
        catch (EvaluationError error)
        {
            throw ExpressionException.At(Source, error.Message, Math.Max(0, error.Position), compile: false);
        }
    }

    private ExpressionException? TypeCheck(Nature nature)
    {
        try
        {
            Checker.Check(root, nature);
            return null;
        }
        catch (SyntaxError error)
        {
            return ExpressionException.At(Source, error.Message, error.Position, compile: true);
        }
    }

    /// <summary>Evaluates the expression as a condition, which must produce a bool (Argo's EvalCondition).</summary>
    /// <exception cref="ExpressionException">Evaluation failed or did not produce a bool.</exception>
    public bool IsSatisfiedBy(object? result) => Evaluate(result) switch
    {
        bool verdict => verdict,
        var other => throw new ExpressionException($"expected bool, but got {Values.GoType(other)}"),
    };

    public override string ToString() => Source;
}
