using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tollgate.Shared.Kube.Models;

namespace Tollgate.Shared.Admission;

/// <summary>Registers webhooks (singletons) after <see cref="AdmissionServiceCollectionExtensions.AddAdmissionWebhooks"/>.</summary>
public sealed class AdmissionWebhookBuilder(IServiceCollection services)
{
    public IServiceCollection Services => services;

    public AdmissionWebhookBuilder AddWebhook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TWebhook>()
        where TWebhook : class, IAdmissionWebhook
    {
        services.TryAddSingleton<TWebhook>();
        services.AddSingleton<IAdmissionWebhook>(provider => provider.GetRequiredService<TWebhook>());
        return this;
    }

    public AdmissionWebhookBuilder AddWebhook(IAdmissionWebhook webhook)
    {
        services.AddSingleton(webhook);
        return this;
    }

    /// <summary>Serves <typeparamref name="THandler"/> at <c>/validate/{name}</c>, registered for <paramref name="rules"/>.</summary>
    public AdmissionWebhookBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        string name, params V1RuleWithOperations[] rules)
        where THandler : class, IAdmissionHandler
    {
        services.TryAddSingleton<THandler>();
        services.AddSingleton<IAdmissionWebhook>(provider => new HandlerWebhook(name, rules, provider.GetRequiredService<THandler>()));
        return this;
    }
}
