namespace Tollgate.Webhooks.ApplicationSets;

/// <summary>One source repository of an ApplicationSet template, with its field path for messages.</summary>
public sealed record TemplateSource(string Field, string RepoUrl);
