namespace Tollgate.Shared.Crds;

/// <summary>A file of generated output: its name within the output directory and its full text.</summary>
public sealed record GeneratedFile(string Name, string Content);
