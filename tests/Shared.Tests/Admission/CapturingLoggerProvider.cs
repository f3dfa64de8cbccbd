using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>Keeps every log entry so tests can check what was logged.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedLog> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Entries);

    public void Dispose()
    {
    }
}
