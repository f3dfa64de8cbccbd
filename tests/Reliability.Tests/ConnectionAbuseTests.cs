using System.Collections.Concurrent;
using System.Text;
using Tollgate.Reliability.Tests.Hostile;
using Tollgate.Reliability.Tests.Support;
using Tollgate.Testing;

namespace Tollgate.Reliability.Tests;

/// <summary>
/// Issue 18 item 5, the connection half: thousands of idle connections and clients that send a byte a second, held
/// while valid reviews keep being answered correctly. What the server did with each slow client is counted.
/// </summary>
public sealed class ConnectionAbuseTests(ControlPlaneFixture fixture) : HostileScenario(fixture)
{
    [Fact]
    public async Task Hold_ThousandsIdleAndSlowClients_ValidReviewsAnsweredNo5xx()
    {
        var idle = Scaled(2000, "TOLLGATE_CHAOS_IDLE_CONNECTIONS");
        var slow = 20;
        var hold = TimeSpan.FromSeconds(Scaled(8, "TOLLGATE_CHAOS_SLOW_SECONDS"));
        var cancellationToken = Timeout();
        var residentBefore = Server.ResidentBytes();
        var connections = new ConcurrentBag<RawConnection>();
        var refused = 0;

        // A third plain TCP (no TLS hello), a third after the TLS handshake, a third with half a request's headers.
        await Parallel.ForEachAsync(Enumerable.Range(0, idle), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            try
            {
                var connection = await RawConnection.OpenAsync(Server.BaseAddress, handshake: i % 3 != 0, ct);
                if (i % 3 == 2)
                {
                    await connection.WriteAsync("POST /validate/guard HTTP/1.1\r\nHost: 127.0.0.1\r\n", ct);
                }

                connections.Add(connection);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
            {
                Interlocked.Increment(ref refused);
            }
        });

        var body = Encoding.UTF8.GetBytes(Seeds.GuardDrift("slow").ToJsonString());
        var slowClients = new List<(RawConnection Connection, bool InHeaders)>();
        for (var i = 0; i < slow; i++)
        {
            var connection = await RawConnection.OpenAsync(Server.BaseAddress, handshake: true, cancellationToken);
            var inHeaders = i % 2 == 0;
            if (!inHeaders)
            {
                await connection.WriteAsync($"POST /validate/guard HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n", cancellationToken);
            }

            slowClients.Add((connection, inHeaders));
        }

        var headers = Encoding.ASCII.GetBytes("POST /validate/guard HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        var dripping = Task.Run(async () =>
        {
            for (var second = 0; second < hold.TotalSeconds; second++)
            {
                foreach (var (connection, inHeaders) in slowClients)
                {
                    try
                    {
                        await connection.WriteAsync(inHeaders ? [headers[second % headers.Length]] : [body[second % body.Length]], cancellationToken);
                    }
                    catch (IOException)
                    {
                        // The server hung up on this one; counted below.
                    }
                }

                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }, cancellationToken);

        var probes = 0;
        var wrong = new List<string>();
        using (var http = new AdmissionHttp(Server.BaseAddress, 4))
        {
            while (!dripping.IsCompleted)
            {
                var uid = $"while-held-{probes++}";
                var failure = ProbeCheck.Drift(await http.ReviewAsync("/validate/guard", Seeds.GuardDrift(uid), cancellationToken), uid);
                if (failure is not null)
                {
                    wrong.Add(failure);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }
        }

        await dripping;
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var (connection, inHeaders) in slowClients)
        {
            var status = await connection.StatusAsync(TimeSpan.FromSeconds(1));
            var key = $"{(inHeaders ? "slow headers" : "slow body")}: {status switch { null => "still waiting", 0 => "closed", var s => $"HTTP {s}" }}";
            outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
            await connection.DisposeAsync();
        }

        var residentHeld = Server.ResidentBytes();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        Report(
            $"Idle and slow connections ({idle} idle, {slow} at a byte a second for {hold.TotalSeconds:0} s)",
            $"""
            | what | count |
            |---|---|
            | idle connections opened | {connections.Count} |
            | idle connections refused | {refused} |
            | valid reviews answered while held | {probes} |
            | answered wrongly | {wrong.Count} |
            {string.Join('\n', outcomes.Select(o => $"| {o.Key} | {o.Value} |"))}

            server resident memory: {residentBefore / 1024 / 1024} MB before, {residentHeld / 1024 / 1024} MB while held

            """);

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        Assert.True(probes > 0);
        Assert.DoesNotContain(outcomes.Keys, k => k.Contains("HTTP 5", StringComparison.Ordinal));
        Assert.False(Server.HasExited, Server.Tail());
        Assert.DoesNotContain("Unhandled exception", Server.Log(), StringComparison.Ordinal);
    }
}
