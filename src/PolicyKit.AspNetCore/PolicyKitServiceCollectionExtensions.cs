using System;
using System.IO;
using System.Linq;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PolicyKit.AspNetCore;

/// <summary>Registers a policy and applies it to Identity, cookies, session and authorization.</summary>
public static class PolicyKitServiceCollectionExtensions
{
    /// <summary>The configuration key naming the policy file (default <c>policykit.json</c> in the content root).</summary>
    public const string PathKey = "PolicyKit:Path";

    /// <summary>
    /// Registers <paramref name="policy"/> and applies it: <see cref="IdentityOptionsPolicy.ApplyTo"/>,
    /// <see cref="CookiePolicy.ApplyTo"/> (every cookie scheme), <see cref="SessionOptionsPolicy.ApplyTo"/>,
    /// <see cref="AuthorizationPolicies.ApplyTo"/>. These run as ordinary <c>Configure</c> steps, so a later
    /// <c>Configure</c> in the application can still weaken a setting; <see cref="PolicyKitBuilder.ValidateOnStart"/>
    /// then refuses to start.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="policy">The effective policy.</param>
    /// <returns>A builder for further set-up.</returns>
    public static PolicyKitBuilder AddPolicyKit(this IServiceCollection services, PolicySet policy)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(policy);
        services.AddSingleton(policy);
        services.Configure<IdentityOptions>(policy.ApplyTo);
        services.ConfigureAll<CookieAuthenticationOptions>(policy.ApplyTo);
        // Identity replaces the cookie events object when it is added after this call: cap the session again on the
        // events object that is finally used.
        if (policy.Session is { SlidingExpirationAllowed: not false, AbsoluteTimeoutMinutes: int absolute, IdleTimeoutMinutes: not null })
        {
            services.PostConfigureAll<CookieAuthenticationOptions>(o =>
            {
                if (o.SlidingExpiration)
                {
                    AbsoluteSessionCap.Install(o, TimeSpan.FromMinutes(absolute));
                }
            });
        }

        services.Configure<SessionOptions>(policy.ApplyTo);
        services.Configure<AuthorizationOptions>(policy.ApplyTo);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PermissionAuthorizationHandler>());
        return new PolicyKitBuilder(services, policy);
    }

    /// <summary>
    /// Reads a policykit.json (<see cref="PolicyJson.Load"/>), lays it over the <c>baseline</c> profile exactly as the
    /// analyzers do, and registers it (<see cref="AddPolicyKit(IServiceCollection, PolicySet)"/>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="path">The policy file.</param>
    /// <returns>A builder for further set-up.</returns>
    /// <exception cref="PolicyConfigurationException">The file is missing or invalid (each error with its line and column).</exception>
    public static PolicyKitBuilder AddPolicyKit(this IServiceCollection services, string path) =>
        services.AddPolicyKit(LoadPolicy(path));

    /// <summary>Reads the policy file named by <c>PolicyKit:Path</c> in configuration (relative to the content root),
    /// or <c>policykit.json</c> in the content root.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The application's configuration.</param>
    /// <returns>A builder for further set-up.</returns>
    /// <exception cref="PolicyConfigurationException">The file is missing or invalid.</exception>
    public static PolicyKitBuilder AddPolicyKit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = configuration[HostDefaults.ContentRootKey] ?? Directory.GetCurrentDirectory();
        return services.AddPolicyKit(Path.Combine(root, configuration[PathKey] ?? "policykit.json"));
    }

    /// <summary>Adds <see cref="PolicyPasswordValidator{TUser}"/> to Identity.</summary>
    /// <param name="builder">Identity's builder.</param>
    /// <returns>The same builder.</returns>
    public static IdentityBuilder AddPolicyKitPasswordValidator(this IdentityBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var validator = typeof(PolicyPasswordValidator<>).MakeGenericType(builder.UserType);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Scoped(typeof(IPasswordValidator<>).MakeGenericType(builder.UserType), validator));
        return builder;
    }

    /// <summary>Reads a policy file the way the analyzers do: its profiles composed, over the <c>baseline</c> profile.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The effective policy.</returns>
    /// <exception cref="PolicyConfigurationException">The file is missing or invalid.</exception>
    public static PolicySet LoadPolicy(string path)
    {
        var load = PolicyJson.Load(path);
        if (!load.Success || load.Policy is null)
        {
            throw new PolicyConfigurationException(
                $"The policy file \"{path}\" is not valid ({load.Errors.Count} error(s)):"
                + string.Concat(load.Errors.Select(e => Environment.NewLine + "  - " + e)));
        }

        return Profiles.Load(Profiles.DefaultName).OverrideWith(load.Policy);
    }
}
