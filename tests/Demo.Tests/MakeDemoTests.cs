using Xunit.Abstractions;

namespace Tollgate.Demo.Tests;

/// <summary>
/// `make demo` is also a test: on an environment of its own (no `make run` in the temporary run directory), every
/// expectation of the tour must hold, and what it started must be gone when it ends.
/// </summary>
public sealed class MakeDemoTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_WithoutRunningEnvironment_StartsOneAndEveryExpectationHolds()
    {
        var runDirectory = Directory.CreateTempSubdirectory("tollgate-demo-").FullName;
        try
        {
            var (exitCode, text) = await DemoScript.RunAsync(runDirectory, TimeSpan.FromMinutes(15), CancellationToken.None);
            output.WriteLine(text);

            Assert.True(exitCode == 0, $"make demo exited with {exitCode}:\n{text}");
            Assert.Contains("no `make run` is running: starting one for this demo", text, StringComparison.Ordinal);
            Assert.Contains("admission webhook \"guard.webhooks.tollgate.dev\" denied the request", text, StringComparison.Ordinal);
            Assert.Contains("the canary went 10 -> 30 -> 50 -> 100", text, StringComparison.Ordinal);
            Assert.Contains("RolloutAborted: Rollout aborted update", text, StringComparison.Ordinal);
            Assert.Contains("promoted: shop-active switched to shop:v2.0", text, StringComparison.Ordinal);
            Assert.Contains("after the delay v1.0 is scaled to 0", text, StringComparison.Ordinal);
            Assert.Matches(@"make demo: every expectation held \(\d+\)", text);
            Assert.False(File.Exists(Path.Combine(runDirectory, "env")), "the environment the demo started did not stop cleanly");
            Assert.Empty(DemoScript.ProcessesMentioning(runDirectory));
        }
        finally
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }
}
