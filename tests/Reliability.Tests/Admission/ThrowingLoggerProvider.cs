using Microsoft.Extensions.Logging;

namespace Tollgate.Reliability.Tests.Admission;

/// <summary>Loggers of the given category that throw on every line (a broken sink, a formatter that fails).</summary>
public sealed class ThrowingLoggerProvider(string category) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => categoryName == category ? new ThrowingLogger() : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class ThrowingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            throw new InvalidOperationException("the log sink is broken");
    }
}
