using Microsoft.Extensions.Logging;
using Tollgate.Shared.Logging;

namespace Tollgate.Shared.Tests.Logging;

public sealed class TollgateLoggingTests
{
    [Theory]
    [InlineData(null, false, false)]
    [InlineData(null, true, true)]
    [InlineData("json", false, true)]
    [InlineData("JSON", false, true)]
    [InlineData("text", true, false)]
    [InlineData("bogus", true, true)]
    public void UseJson_FormatAndPlace_PicksJsonInClusterUnlessOverridden(string? format, bool inCluster, bool expected) =>
        Assert.Equal(expected, TollgateLogging.UseJson(format, inCluster));

    [Fact]
    public void BeginObjectScope_LinesInside_CarryNamespaceAndName()
    {
        var captured = new CapturingProvider();
        using var withCapture = LoggerFactory.Create(b => b.AddProvider(captured).Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.None));
        var captureLogger = withCapture.CreateLogger("test");
        using (captureLogger.BeginObjectScope("Rollout", "prod", "web"))
        {
            captureLogger.LogInformation("stepped");
        }

        Assert.Contains("object=prod/web", captured.Lines.Single(), StringComparison.Ordinal);
        Assert.Contains("namespace=prod", captured.Lines.Single(), StringComparison.Ordinal);
    }

    private sealed class CapturingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(CapturingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var line = new System.Text.StringBuilder(formatter(state, exception));
                owner.scopes.ForEachScope(
                    (scope, sb) =>
                    {
                        if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                        {
                            foreach (var (k, v) in pairs)
                            {
                                sb.Append(' ').Append(k).Append('=').Append(v);
                            }
                        }
                    },
                    line);
                owner.Lines.Add(line.ToString());
            }
        }
    }
}
