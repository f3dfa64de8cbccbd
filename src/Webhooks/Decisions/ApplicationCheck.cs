using Tollgate.Shared.Entities.ArgoCd;
using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>
/// One step of Argo CD's checks for an Application write, in Argo CD's order: either an RBAC action the requester needs
/// on <see cref="Application"/> (with why, when it is not the obvious one), or a refusal Argo CD's API would answer
/// whoever asks.
/// </summary>
public sealed record ApplicationCheck(Application? Application, string? Action, string? Why, string? Refusal)
{
    /// <summary>The sync window behind a refusal, when a window is to blame.</summary>
    public SyncWindowBlock? Window { get; init; }

    public static ApplicationCheck Permission(Application application, string action, string? why = null) => new(application, action, why, null);

    public static ApplicationCheck Refuse(string message) => new(null, null, null, message);

    public static ApplicationCheck RefuseByWindow(SyncWindowBlock block) => new(null, null, null, block.Message) { Window = block };
}
