using k8s.KubeConfigModels;
using Tollgate.Shared.Kube.Config;

namespace Tollgate.Shared.Tests.Config;

public sealed class KubeconfigUserRulesTests
{
    public static TheoryData<string, UserCredentials, string?> Users => new()
    {
        { "token", new UserCredentials { Token = "t" }, null },
        { "oidc", new UserCredentials { AuthProvider = new AuthProvider { Name = "oidc" } }, null },
        { "exec v1", Exec("client.authentication.k8s.io/v1"), null },
        { "exec v1beta1", Exec("client.authentication.k8s.io/v1beta1"), null },
        { "exec v1alpha1", Exec("client.authentication.k8s.io/v1alpha1"), "apiVersion \"client.authentication.k8s.io/v1alpha1\" is not supported" },
        { "exec without apiVersion", Exec(null), "apiVersion \"\" is not supported" },
        { "exec without command", new UserCredentials { ExternalExecution = new ExternalExecution { ApiVersion = "client.authentication.k8s.io/v1" } }, "exec plugin has no command" },
        { "provideClusterInfo", new UserCredentials { ExternalExecution = new ExternalExecution { ApiVersion = "client.authentication.k8s.io/v1", Command = "p", ProvideClusterInfo = true } }, "provideClusterInfo is not supported" },
        { "as", new UserCredentials { Token = "t", Impersonate = "bob" }, "impersonation" },
        { "as-groups", new UserCredentials { Token = "t", ImpersonateGroups = ["g"] }, "impersonation" },
        { "azure", new UserCredentials { AuthProvider = new AuthProvider { Name = "azure" } }, "auth-provider \"azure\" is not supported" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void Refusal_UserSettings_NullOrWhy(string name, UserCredentials user, string? expected)
    {
        var refusal = KubeconfigUserRules.Refusal(user);

        if (expected is null)
        {
            Assert.True(refusal is null, $"{name}: {refusal}");
        }
        else
        {
            Assert.Contains(expected, refusal, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://proxy:3128", true)]
    [InlineData("https://proxy", true)]
    [InlineData("socks5://127.0.0.1:1080", true)]
    [InlineData("ftp://proxy", false)]
    [InlineData("proxy:3128", false)]
    public void ParseProxy_Schemes_KubectlAcceptsHttpHttpsSocks5(string url, bool accepted)
    {
        var error = Record.Exception(() => KubeconfigUserRules.ParseProxy(url, "c"));

        Assert.Equal(accepted, error is null);
    }

    [Theory]
    [InlineData("t", null, null, null, null, true)]
    [InlineData(null, "u", "p", null, null, true)]
    [InlineData(null, "u", null, null, null, false)]
    [InlineData(null, null, null, "crt", "key", true)]
    [InlineData(null, null, null, "crt", null, false)]
    [InlineData(null, null, null, null, null, false)]
    public void HasModelledCredentials_Fields_WhatTheOfficialBuilderAccepts(string? token, string? user, string? password, string? cert, string? key, bool has)
    {
        var credentials = new UserCredentials { Token = token, UserName = user, Password = password, ClientCertificate = cert, ClientKey = key };

        Assert.Equal(has, KubeconfigUserRules.HasModelledCredentials(credentials));
    }

    private static UserCredentials Exec(string? apiVersion) =>
        new() { ExternalExecution = new ExternalExecution { ApiVersion = apiVersion, Command = "plugin" } };
}
