using Tollgate.Shared.Admission.Review;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>
/// Allows everything after the full read-parse-answer pipeline: the baseline for benchmarks and a liveness probe that
/// exercises TLS and JSON. It has no rules, so it is never registered with the API server.
/// </summary>
internal sealed class NoopWebhook(string path) : GenericValidationWebhook
{
    public override string Name => "noop";

    public override string Path => path;

    public override IReadOnlyList<V1RuleWithOperations> Rules => [];
}
