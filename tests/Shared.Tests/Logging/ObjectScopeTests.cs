using Tollgate.Shared.Logging;

namespace Tollgate.Shared.Tests.Logging;

public sealed class ObjectScopeTests
{
    [Theory]
    [InlineData("Rollout", "prod", "web", "Rollout prod/web")]
    [InlineData("Namespace", null, "prod", "Namespace prod")]
    [InlineData("Namespace", "", "prod", "Namespace prod")]
    public void ToString_Object_KindAndNamespacedName(string kind, string? @namespace, string name, string expected) =>
        Assert.Equal(expected, new ObjectScope(kind, @namespace, name).ToString());

    [Fact]
    public void Fields_Object_KindNamespaceNameAndObject()
    {
        var scope = new ObjectScope("Rollout", "prod", "web");

        Assert.Equal(
            [new("kind", "Rollout"), new("namespace", "prod"), new("name", "web"), new KeyValuePair<string, object?>("object", "prod/web")],
            scope.ToList());
        Assert.Equal(4, scope.Count);
        Assert.Equal("web", scope[2].Value);
    }
}
