namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>What validating a Rollout or AnalysisTemplate found: errors (deny), and the templates it refers to (warn if missing).</summary>
public sealed record SpecFindings(IReadOnlyList<string> Errors, IReadOnlyList<TemplateReference> Templates);
