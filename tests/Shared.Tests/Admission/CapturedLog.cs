using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Tests.Admission;

internal sealed record CapturedLog(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
