namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>Variables visible to a node: <c>let</c> bindings and, inside predicates, <c>#</c>, <c>#index</c>, <c>#acc</c>.</summary>
internal sealed class Scope(Scope? parent)
{
    private Dictionary<string, object?>? variables;

    public Scope? Parent { get; } = parent;

    public object? Element { get; set; }

    public long Index { get; set; }

    public object? Accumulator { get; set; }

    public bool IsPredicate { get; init; }

    public void Define(string name, object? value) => (variables ??= [])[name] = value;

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.variables is not null && scope.variables.TryGetValue(name, out value))
            {
                return true;
            }
        }

        value = null;
        return false;
    }

    public Scope Predicate()
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.IsPredicate)
            {
                return scope;
            }
        }

        throw new EvaluationError("cannot use pointer accessor outside predicate");
    }
}
