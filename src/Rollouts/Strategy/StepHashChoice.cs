namespace Tollgate.Rollouts.Strategy;

/// <summary>
/// The step hash a decision compares with status.currentStepHash. Argo's hash is the one written; a stored hash that
/// is either Argo's or Tollgate's earlier one for the same steps means the steps did not change, so it is kept (a
/// Rollout taken over from Argo, or from an earlier Tollgate, stays on its step).
/// </summary>
public static class StepHashChoice
{
    /// <param name="stored">status.currentStepHash.</param>
    /// <param name="argo">Argo's hash of the steps; null when Tollgate cannot compute it for these steps.</param>
    /// <param name="tollgate">Tollgate's own hash of the steps (the one it wrote before it computed Argo's).</param>
    public static string Choose(string? stored, string? argo, string tollgate) =>
        stored is { Length: > 0 } && (stored == argo || stored == tollgate) ? stored : argo ?? tollgate;
}
