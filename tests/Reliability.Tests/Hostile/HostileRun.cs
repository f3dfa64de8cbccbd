using System.Diagnostics;
using Tollgate.Reliability.Tests.Support;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>Sends hostile requests from several clients at once, with a valid probe pair every so often, and tallies.</summary>
public sealed class HostileRun(WebhookServerProcess server, ValidReviews seeds, int seed)
{
    public const int Clients = 8;
    public const int ProbeEvery = 250;

    public async Task<HostileFigures> RunAsync(int requests, CancellationToken cancellationToken)
    {
        var figures = new HostileFigures();
        using var http = new AdmissionHttp(server.BaseAddress, Clients);
        figures.ResidentBytesBefore = server.ResidentBytes();
        figures.SampleResident(figures.ResidentBytesBefore);
        figures.MetricsBytesBefore = (await http.GetStringAsync("/metrics", cancellationToken)).Length;
        var generator = new HostileReviews(seeds, seed);
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, requests),
            new ParallelOptions { MaxDegreeOfParallelism = Clients, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                HostileRequest request;
                lock (generator)
                {
                    request = generator.Next();
                }

                try
                {
                    var (status, body) = await http.SendAsync(request, ct);
                    figures.Record(request, status, AnswerCheck.Problem(request, status, body));
                }
                catch (HttpRequestException e)
                {
                    figures.Record(request, 0, $"no answer: {e.Message}");
                }

                if (index % ProbeEvery == 0)
                {
                    await ProbeAsync(http, figures, $"probe-{seed}-{index}", ct);
                    figures.SampleResident(server.ResidentBytes());
                }
            });
        figures.Elapsed = Stopwatch.GetElapsedTime(started);
        await ProbeAsync(http, figures, $"probe-{seed}-last", cancellationToken);
        figures.ResidentBytesAfter = server.ResidentBytes();
        figures.SampleResident(figures.ResidentBytesAfter);
        figures.MetricsBytesAfter = (await http.GetStringAsync("/metrics", cancellationToken)).Length;
        return figures;
    }

    private async Task ProbeAsync(AdmissionHttp http, HostileFigures figures, string uid, CancellationToken cancellationToken)
    {
        try
        {
            figures.RecordProbe(ProbeCheck.Drift(await http.ReviewAsync("/validate/guard", seeds.GuardDrift(uid + "-drift"), cancellationToken), uid + "-drift"));
            figures.RecordProbe(ProbeCheck.Unmanaged(await http.ReviewAsync("/validate/guard", seeds.GuardUnmanaged(uid + "-unmanaged"), cancellationToken), uid + "-unmanaged"));
        }
        catch (HttpRequestException e)
        {
            figures.RecordProbe($"probe {uid}: {e.Message}");
        }
    }
}
