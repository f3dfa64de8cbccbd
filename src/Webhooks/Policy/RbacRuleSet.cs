using System.Collections.Frozen;

namespace Tollgate.Webhooks.Policy;

/// <summary>
/// Rules indexed by subject plus every subject's inherited roles (the transitive closure of the <c>g</c> lines), built
/// once so that evaluating a request only walks the rules of the subject and its roles.
/// </summary>
internal sealed class RbacRuleSet
{
    /// <summary>Casbin's default role manager follows at most this many role-to-role links.</summary>
    private const int MaxRoleDepth = 10;

    private readonly FrozenDictionary<string, CompiledRbacRule[]> rulesBySubject;
    private readonly FrozenDictionary<string, string[]> subjectsWithRoles;
    private readonly FrozenSet<string> boundMembers;

    public RbacRuleSet(IEnumerable<CompiledRbacRule> rules, IEnumerable<RbacRoleBinding> bindings)
    {
        rulesBySubject = rules
            .GroupBy(rule => rule.Permission.Subject, StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.ToArray(), StringComparer.Ordinal);

        var rolesByMember = bindings
            .GroupBy(binding => binding.Member, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(binding => binding.Role).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        boundMembers = rolesByMember.Keys.ToFrozenSet(StringComparer.Ordinal);
        subjectsWithRoles = rolesByMember.Keys.ToFrozenDictionary(
            member => member,
            member => InheritedSubjects(member, rolesByMember),
            StringComparer.Ordinal);
    }

    /// <summary>Whether <paramref name="name"/> is the member of some <c>g</c> line (Argo CD only consults such groups).</summary>
    public bool IsBoundMember(string name) => boundMembers.Contains(name);

    public RbacEvaluation Evaluate(string subject, string resource, string action, string @object)
    {
        if (!subjectsWithRoles.TryGetValue(subject, out var subjects))
        {
            return EvaluateSubject(subject, resource, action, @object, default);
        }

        var evaluation = default(RbacEvaluation);
        foreach (var inherited in subjects)
        {
            evaluation = EvaluateSubject(inherited, resource, action, @object, evaluation);
            if (evaluation.Deny is not null)
            {
                break;
            }
        }

        return evaluation;
    }

    private RbacEvaluation EvaluateSubject(string subject, string resource, string action, string @object, RbacEvaluation soFar)
    {
        if (!rulesBySubject.TryGetValue(subject, out var rules))
        {
            return soFar;
        }

        var allow = soFar.Allow;
        foreach (var rule in rules)
        {
            if (!rule.Matches(resource, action, @object))
            {
                continue;
            }

            if (rule.Permission.Effect == RbacEffect.Deny)
            {
                return new RbacEvaluation(allow, rule.Permission);
            }

            allow ??= rule.Permission;
        }

        return new RbacEvaluation(allow, null);
    }

    private static string[] InheritedSubjects(string member, Dictionary<string, string[]> rolesByMember)
    {
        List<string> subjects = [member];
        HashSet<string> seen = new(StringComparer.Ordinal) { member };
        List<string> frontier = [member];
        for (var depth = 0; depth < MaxRoleDepth && frontier.Count > 0; depth++)
        {
            List<string> nextFrontier = [];
            foreach (var current in frontier)
            {
                if (!rolesByMember.TryGetValue(current, out var roles))
                {
                    continue;
                }

                foreach (var role in roles)
                {
                    if (seen.Add(role))
                    {
                        subjects.Add(role);
                        nextFrontier.Add(role);
                    }
                }
            }

            frontier = nextFrontier;
        }

        return [.. subjects];
    }
}
