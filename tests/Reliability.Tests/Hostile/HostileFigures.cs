using System.Globalization;
using System.Text;

namespace Tollgate.Reliability.Tests.Hostile;

/// <summary>What a hostile run measured: answers by category and status, what was wrong, probes, memory and metrics.</summary>
public sealed class HostileFigures
{
    private readonly Lock gate = new();

    public SortedDictionary<string, SortedDictionary<int, int>> Answers { get; } = new(StringComparer.Ordinal);

    public List<string> Violations { get; } = [];

    public int ViolationCount { get; private set; }

    public int Requests { get; private set; }

    public int ProbesAnswered { get; private set; }

    public List<string> ProbeFailures { get; } = [];

    public long ResidentBytesBefore { get; set; }

    public long ResidentBytesMax { get; private set; }

    public long ResidentBytesAfter { get; set; }

    public int MetricsBytesBefore { get; set; }

    public int MetricsBytesAfter { get; set; }

    public TimeSpan Elapsed { get; set; }

    public void Record(HostileRequest request, int status, string? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (gate)
        {
            Requests++;
            if (!Answers.TryGetValue(request.Category, out var byStatus))
            {
                Answers[request.Category] = byStatus = [];
            }

            byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
            if (problem is not null)
            {
                ViolationCount++;
                if (Violations.Count < 20)
                {
                    Violations.Add($"{request.Category} {request.Path}: {problem}");
                }
            }
        }
    }

    public void RecordProbe(string? failure)
    {
        lock (gate)
        {
            ProbesAnswered++;
            if (failure is not null && ProbeFailures.Count < 20)
            {
                ProbeFailures.Add(failure);
            }
        }
    }

    public int ProbeFailureCount
    {
        get
        {
            lock (gate)
            {
                return ProbeFailures.Count;
            }
        }
    }

    public void SampleResident(long bytes)
    {
        lock (gate)
        {
            ResidentBytesMax = Math.Max(ResidentBytesMax, bytes);
        }
    }

    /// <summary>The table `make chaos` prints: one row per category, a column per status (0 = no answer).</summary>
    public string Table()
    {
        var statuses = Answers.Values.SelectMany(s => s.Keys).Distinct().Order().ToList();
        var output = new StringBuilder();
        output.Append(CultureInfo.InvariantCulture, $"| category | {string.Join(" | ", statuses.Select(s => s == 0 ? "no answer" : $"HTTP {s}"))} |\n");
        output.Append('|').Append(string.Concat(Enumerable.Repeat("---|", statuses.Count + 1))).Append('\n');
        foreach (var (category, byStatus) in Answers)
        {
            output.Append(CultureInfo.InvariantCulture, $"| {category} | {string.Join(" | ", statuses.Select(s => byStatus.GetValueOrDefault(s)))} |\n");
        }

        output.Append(CultureInfo.InvariantCulture, $"""

            requests: {Requests} in {Elapsed.TotalSeconds:0} s ({Requests / Math.Max(Elapsed.TotalSeconds, 1):0}/s); wrong answers: {ViolationCount}; 5xx: {Answers.Values.Sum(s => s.Where(p => p.Key >= 500).Sum(p => p.Value))}
            valid-review probes: {ProbesAnswered}, wrong: {ProbeFailureCount}
            server resident memory: {Mb(ResidentBytesBefore)} before, {Mb(ResidentBytesMax)} max, {Mb(ResidentBytesAfter)} after
            /metrics: {MetricsBytesBefore} bytes before, {MetricsBytesAfter} after

            """);
        return output.ToString();
    }

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:0} MB");
}
