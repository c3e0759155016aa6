using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PolicyKit.AspNetCore;

/// <summary>Returned by <c>AddPolicyKit</c>: the policy, and further set-up.</summary>
public sealed class PolicyKitBuilder
{
    internal PolicyKitBuilder(IServiceCollection services, PolicySet policy)
    {
        Services = services;
        Policy = policy;
    }

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The effective policy.</summary>
    public PolicySet Policy { get; }

    /// <summary>
    /// Refuses to start the application when its configuration (Identity, cookie schemes, session, authorization
    /// fallback) is weaker than the policy: a <see cref="PolicyConfigurationException"/> names each setting and the
    /// clause it breaks. Runs before the server accepts requests.
    /// </summary>
    /// <returns>This builder.</returns>
    public PolicyKitBuilder ValidateOnStart()
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, PolicyKitStartupCheck>());
        return this;
    }
}
