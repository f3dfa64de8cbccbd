using Tollgate.Webhooks.Tracking;

namespace Tollgate.Webhooks.Caches;

/// <summary>The object a <c>scale</c> request resizes, as the cache knows it: its kind and tracking metadata.</summary>
public sealed record ScaleParent(ObjectCoordinates Coordinates, TrackedMetadata Metadata);
