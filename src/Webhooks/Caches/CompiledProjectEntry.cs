using Tollgate.Webhooks.Policy;

namespace Tollgate.Webhooks.Caches;

/// <summary>
/// A project compiled twice: as written, and restricted to the destinations that name namespaces (not a lone
/// <c>*</c>), which are the namespaces the project claims for its resource lists.
/// </summary>
public sealed record CompiledProjectEntry(string ResourceVersion, CompiledProject Project, CompiledProject NamespaceClaims, bool ClaimsAnyNamespace);
