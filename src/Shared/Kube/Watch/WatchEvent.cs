namespace Tollgate.Shared.Kube.Watch;

/// <summary>One event of a watch stream.</summary>
public sealed record WatchEvent<T>(WatchEventType Type, T Object, string? ResourceVersion);
