namespace Tollgate.Shared.Entities.Rollouts.Validation;

/// <summary>An AnalysisTemplate (or, with <see cref="ClusterScope"/>, a ClusterAnalysisTemplate) a spec refers to.</summary>
public sealed record TemplateReference(string Name, bool ClusterScope, string Field);
