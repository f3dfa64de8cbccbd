namespace Tollgate.Shared.Kube.Watch;

/// <summary>
/// An event of a list-then-watch stream: <see cref="ListWatchEventType.Listed"/> carries <see cref="Items"/>, the others
/// carry <see cref="Object"/>.
/// </summary>
public sealed record ListWatchEvent<T>(ListWatchEventType Type, T? Object, IReadOnlyList<T>? Items, string ResourceVersion)
    where T : class;
