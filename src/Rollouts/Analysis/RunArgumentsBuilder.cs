using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Analysis;

/// <summary>
/// The arguments of a new AnalysisRun: every template argument, overridden by the rollout's arguments, with
/// podTemplateHashValue and fieldRef (a field of the Rollout, see <see cref="FieldPathResolver"/>) resolved to values now,
/// as Argo does, and secretKeyRef kept as a reference (read at measurement time, so the secret never lands in the run).
/// </summary>
public static class RunArgumentsBuilder
{
    /// <exception cref="FormatException">A rollout argument asks for an unknown podTemplateHashValue or a field the Rollout cannot give.</exception>
    public static IList<Argument> Build(Rollout rollout, IEnumerable<Argument> templateArguments, IEnumerable<AnalysisRunArgument>? rolloutArguments, string? stableHash, string latestHash)
    {
        ArgumentNullException.ThrowIfNull(rollout);
        ArgumentNullException.ThrowIfNull(templateArguments);
        var merged = new List<Argument>();
        foreach (var argument in templateArguments)
        {
            var existing = merged.FindIndex(a => a.Name == argument.Name);
            var copy = new Argument { Name = argument.Name, Value = argument.Value, ValueFrom = argument.ValueFrom };
            if (existing < 0)
            {
                merged.Add(copy);
            }
            else if (copy.Value is not null || copy.ValueFrom is not null)
            {
                merged[existing] = copy;
            }
        }

        foreach (var argument in rolloutArguments ?? [])
        {
            // As in Argo Rollouts, valueFrom wins over a value given beside it.
            var value = argument.ValueFrom is null ? argument.Value : Resolve(rollout, argument, stableHash, latestHash) ?? argument.Value;
            var existing = merged.FindIndex(a => a.Name == argument.Name);
            var resolved = new Argument { Name = argument.Name, Value = value };
            if (existing < 0)
            {
                merged.Add(resolved);
            }
            else
            {
                merged[existing] = resolved;
            }
        }

        return merged;
    }

    private static string? Resolve(Rollout rollout, AnalysisRunArgument argument, string? stableHash, string latestHash)
    {
        if (argument.ValueFrom?.PodTemplateHashValue is { } which)
        {
            return which switch
            {
                "Stable" => stableHash ?? latestHash,
                "Latest" => latestHash,
                _ => throw new FormatException($"argument \"{argument.Name}\": podTemplateHashValue must be Stable or Latest, not \"{which}\""),
            };
        }

        if (argument.ValueFrom?.FieldRef is { } fieldRef)
        {
            var resolution = FieldPathResolver.Resolve(rollout, fieldRef.FieldPath);
            return resolution.Value
                ?? throw new FormatException($"argument \"{argument.Name}\": fieldPath \"{fieldRef.FieldPath}\": {resolution.Error}");
        }

        return null;
    }
}
