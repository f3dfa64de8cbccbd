using Tollgate.Shared.Kube;
using Tollgate.Shared.Operator.Entities;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

/// <summary>The test Widget CRD seen through <see cref="CustomKubernetesEntity{TSpec,TStatus}"/>.</summary>
[KubernetesEntity(Group = "test.tollgate.dev", ApiVersion = "v1", Kind = "Widget", PluralName = "widgets")]
public sealed class Sprocket() : CustomKubernetesEntity<WidgetSpec, WidgetStatus>(Resource), IKubernetesResource<Sprocket>
{
    public static ResourceDescriptor Resource { get; } = new("test.tollgate.dev", "v1", "Widget", "widgets", Namespaced: true);

    public static Sprocket Named(string name, string @namespace, int size = 1, IDictionary<string, string>? labels = null) =>
        new() { Metadata = new() { Name = name, Namespace = @namespace, Labels = labels }, Spec = new WidgetSpec { Size = size } };
}
