namespace Tollgate.Webhooks.Policy;

/// <summary>One entry of an AppProject's <c>destinationServiceAccounts</c>, its globs compiled.</summary>
public sealed record DestinationServiceAccount(GlobPattern Server, GlobPattern Namespace, string DefaultServiceAccount);
