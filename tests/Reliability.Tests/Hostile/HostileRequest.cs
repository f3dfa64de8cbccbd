namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>One request of the hostile suite: what it tries (its category), where it goes and what it carries.</summary>
/// <param name="Uid">The uid a well-formed answer must echo, when the request still carries the original one.</param>
public sealed record HostileRequest(string Category, string Path, byte[] Body, string? ContentType, string? ContentEncoding, string? Uid);
