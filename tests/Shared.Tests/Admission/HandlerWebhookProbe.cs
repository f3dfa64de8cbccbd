using Tollgate.Shared.Admission;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Tests.Admission;

/// <summary>A generic webhook with a given name and no rules.</summary>
internal sealed class HandlerWebhookProbe(string name) : GenericValidationWebhook
{
    public override string Name => name;

    public override IReadOnlyList<V1RuleWithOperations> Rules => [];
}
