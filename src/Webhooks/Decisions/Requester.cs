using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Decisions;

/// <summary>The authenticated caller of one request, classified.</summary>
public sealed record Requester(string User, IReadOnlyList<string> Groups, IdentityKind Kind, bool BreakGlassMember)
{
    public RbacSubject Subject => new(User, Groups);
}
