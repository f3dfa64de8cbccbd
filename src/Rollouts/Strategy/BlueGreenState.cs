using Tollgate.Shared.Entities.Rollouts;

namespace Tollgate.Rollouts.Strategy;

/// <summary>What one blue-green decision works on beyond <see cref="DecisionState"/>: the Services' selectors and the current promotion runs.</summary>
internal sealed class BlueGreenState(DecisionState state)
{
    public DecisionState State { get; } = state;

    public BlueGreenStrategy Strategy => State.BlueGreen;

    /// <summary>The stored status.blueGreen (empty when there is none).</summary>
    public BlueGreenStatus Stored { get; } = state.Stored.BlueGreen ?? new BlueGreenStatus();

    /// <summary>The hash the active Service selects, updated when this decision switches it.</summary>
    public string? ActiveSelector { get; set; } = Selector(state, state.Rollout.Spec.Strategy!.BlueGreen!.ActiveService);

    /// <summary>The hash the preview Service selects, updated when this decision switches it.</summary>
    public string? PreviewSelector { get; set; } = Selector(state, state.Rollout.Spec.Strategy!.BlueGreen!.PreviewService);

    /// <summary>The pod template changed or its ReplicaSet was created in this decision: as Argo, only the status follows.</summary>
    public bool Settling { get; set; }

    public RolloutAnalysisRunStatus? PreRun { get; set; } = Copy(state.Stored.BlueGreen?.PrePromotionAnalysisRunStatus);

    public RolloutAnalysisRunStatus? PostRun { get; set; } = Copy(state.Stored.BlueGreen?.PostPromotionAnalysisRunStatus);

    /// <summary>The runs of this revision were deleted for a retry; new ones come in the next decision.</summary>
    public bool RunsReset { get; set; }

    private static string? Selector(DecisionState state, string? service) =>
        !string.IsNullOrEmpty(service) && state.Observation.ServiceSelectors.TryGetValue(service, out var hash) ? hash : null;

    private static RolloutAnalysisRunStatus? Copy(RolloutAnalysisRunStatus? run) =>
        run is null ? null : new RolloutAnalysisRunStatus { Name = run.Name, Status = run.Status, Message = run.Message };
}
