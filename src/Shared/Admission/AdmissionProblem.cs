namespace Tollgate.Shared.Admission;

/// <summary>Why a request was refused before any webhook saw it: an HTTP status and a plain-text message.</summary>
internal sealed record AdmissionProblem(int StatusCode, string Message);
