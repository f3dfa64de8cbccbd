using Tollgate.Shared.Expressions.Syntax;

namespace Tollgate.Shared.Expressions.Runtime;

/// <summary>The builtins that take a predicate: all, any, none, one, filter, map, find*, count, sum, groupBy, sortBy, reduce.</summary>
internal static class Predicates
{
    /// <summary>Evaluates a predicate body with <c>#</c>, <c>#index</c> and <c>#acc</c> bound.</summary>
    public delegate object? Apply(Node body, object? element, long index, object? accumulator);

    private static readonly HashSet<string> Names = ["all", "none", "any", "one", "filter", "map", "count", "sum", "find", "findIndex", "findLast", "findLastIndex", "groupBy", "sortBy", "reduce"];

    public static bool IsPredicateBuiltin(string name) => Names.Contains(name);

    public static object? Run(string name, object? collection, PredicateNode? predicate, bool hasExtra, object? extra, Apply apply, EvaluationBudget budget)
    {
        var items = collection switch
        {
            IReadOnlyList<object?> list => list,
            _ => throw new EvaluationError($"builtin {name} takes only array (got {Values.GoType(collection)})"),
        };

        bool Test(object? element, int index)
        {
            var verdict = apply(predicate!.Body, element, index, null);
            return verdict is bool flag ? flag : throw new EvaluationError($"predicate should return boolean (got {Values.GoType(verdict)})");
        }

        switch (name)
        {
            case "all":
                for (var i = 0; i < items.Count; i++)
                {
                    if (!Test(items[i], i))
                    {
                        return false;
                    }
                }

                return true;
            case "any":
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        return true;
                    }
                }

                return false;
            case "none":
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        return false;
                    }
                }

                return true;
            case "one":
                var matches = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        matches++;
                    }
                }

                return matches == 1;
            case "filter":
                var kept = new List<object?>();
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        kept.Add(items[i]);
                    }
                }

                budget.Allocate(kept.Count);
                return kept;
            case "map":
                budget.Allocate(items.Count);
                var mapped = new List<object?>(items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    mapped.Add(apply(predicate!.Body, items[i], i, null));
                }

                return mapped;
            case "find":
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        return items[i];
                    }
                }

                return null;
            case "findIndex":
                for (var i = 0; i < items.Count; i++)
                {
                    if (Test(items[i], i))
                    {
                        return (long)i;
                    }
                }

                return -1L;
            case "findLast":
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (Test(items[i], i))
                    {
                        return items[i];
                    }
                }

                return null;
            case "findLastIndex":
                for (var i = items.Count - 1; i >= 0; i--)
                {
                    if (Test(items[i], i))
                    {
                        return (long)i;
                    }
                }

                return -1L;
            case "count":
                long count = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    var counted = predicate is null
                        ? items[i] is bool flag ? flag : throw new EvaluationError($"predicate should return boolean (got {Values.GoType(items[i])})")
                        : Test(items[i], i);
                    if (counted)
                    {
                        count++;
                    }
                }

                return count;
            case "sum":
                if (items is DoubleList doubles && predicate is null)
                {
                    return doubles.Values.Sum();
                }

                object total = 0L;
                for (var i = 0; i < items.Count; i++)
                {
                    var value = predicate is null ? items[i] : apply(predicate.Body, items[i], i, null);
                    total = Values.IsNumber(value) ? Values.Add(total, value) : throw new EvaluationError($"invalid argument for sum (type {Values.GoType(value)})");
                }

                return total;
            case "groupBy":
                var groups = new ExprMap();
                for (var i = 0; i < items.Count; i++)
                {
                    var key = apply(predicate!.Body, items[i], i, null) ?? throw new EvaluationError("groupBy key is nil");
                    if (!groups.TryGetValue(key, out var group))
                    {
                        groups[key] = group = new List<object?>();
                    }

                    ((List<object?>)group!).Add(items[i]);
                }

                return groups;
            case "sortBy":
                var descending = hasExtra && (extra is string order
                    ? order switch
                    {
                        "asc" => false,
                        "desc" => true,
                        _ => throw new EvaluationError("unknown order, use asc or desc"),
                    }
                    : throw new EvaluationError("sortBy order argument must be a string"));
                var keyed = new List<(object? Key, object? Item)>(items.Count);
                for (var i = 0; i < items.Count; i++)
                {
                    keyed.Add((apply(predicate!.Body, items[i], i, null), items[i]));
                }

                budget.Allocate(items.Count);
                var sorted = Sorting.StableSort(keyed, k => k.Key, descending);
                return sorted.Select(k => k.Item).ToList();
            case "reduce":
                var start = 0;
                object? accumulator;
                if (hasExtra)
                {
                    accumulator = extra;
                }
                else if (items.Count == 0)
                {
                    throw new EvaluationError("reduce of empty array with no initial value");
                }
                else
                {
                    accumulator = items[0];
                    start = 1;
                }

                for (var i = start; i < items.Count; i++)
                {
                    accumulator = apply(predicate!.Body, items[i], i, accumulator);
                }

                return accumulator;
            default:
                throw new EvaluationError($"unknown builtin {name}");
        }
    }
}
