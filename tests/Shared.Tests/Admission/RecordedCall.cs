namespace Tollgate.Shared.Tests.Admission;

public sealed record RecordedCall(string Operation, string? Name, string? Color, bool DryRun);
