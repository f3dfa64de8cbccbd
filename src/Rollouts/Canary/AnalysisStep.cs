namespace Tollgate.Rollouts.Canary;

/// <summary>analysis: runs the named AnalysisTemplates and blocks until the run completes.</summary>
public sealed record AnalysisStep(IReadOnlyList<string> TemplateNames) : CanaryStep;
