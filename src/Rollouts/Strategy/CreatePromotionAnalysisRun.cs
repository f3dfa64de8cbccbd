namespace Tollgate.Rollouts.Strategy;

/// <summary>Create the blue-green pre-promotion (or, with <paramref name="PostPromotion"/>, post-promotion) AnalysisRun.</summary>
public sealed record CreatePromotionAnalysisRun(string Name, string PodHash, bool PostPromotion) : RolloutIntent;
