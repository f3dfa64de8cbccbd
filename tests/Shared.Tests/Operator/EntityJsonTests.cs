using Tollgate.Shared.Kube;
using Tollgate.Shared.Kube.Config;
using Tollgate.Shared.Operator.Builder;
using Tollgate.Shared.Tests.Support;

namespace Tollgate.Shared.Tests.Operator;

public sealed class EntityJsonTests
{
    private static readonly KubernetesClientConfiguration Nowhere = new() { Host = new Uri("https://127.0.0.1:9") };

    [Fact]
    public void TypeInfo_KindKnownToClient_ComesFromClient()
    {
        using var client = new KubernetesClient(Nowhere, TestJsonContext.Default);

        Assert.NotNull(EntityJson.TypeInfo<Widget>(client, []));
    }

    [Fact]
    public void TypeInfo_KindOnlyInRegisteredResolver_ComesFromResolver()
    {
        using var client = new KubernetesClient(Nowhere, TestJsonContext.Default);

        Assert.NotNull(EntityJson.TypeInfo<Sprocket>(client, [OperatorTestJsonContext.Default]));
    }

    [Fact]
    public void TypeInfo_KindUnknownEverywhere_ThrowsNamingTheFix()
    {
        using var client = new KubernetesClient(Nowhere);

        var error = Assert.Throws<NotSupportedException>(() => EntityJson.TypeInfo<Sprocket>(client, []));
        Assert.Contains("JsonSerializable", error.Message, StringComparison.Ordinal);
    }
}
