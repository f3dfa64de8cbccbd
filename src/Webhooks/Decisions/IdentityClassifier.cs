using Tollgate.Webhooks.Settings;

namespace Tollgate.Webhooks.Decisions;

/// <summary>Pure: classifies a request's userInfo with the settings. System wins over controller, controller over admin.</summary>
public static class IdentityClassifier
{
    public static Requester Classify(TollgateSettings settings, string? user, IReadOnlyList<string>? groups)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var name = user ?? "";
        IReadOnlyList<string> memberships = groups ?? [];
        var kind = settings.System.Contains(name, memberships) ? IdentityKind.System
            : settings.Controllers.Contains(name, memberships) ? IdentityKind.Controller
            : settings.AdminGroups.MatchesAny(memberships) ? IdentityKind.Admin
            : IdentityKind.Human;
        var breakGlass = memberships.Contains(settings.BreakGlassGroup, StringComparer.Ordinal);
        return new Requester(name, memberships, kind, breakGlass);
    }
}
