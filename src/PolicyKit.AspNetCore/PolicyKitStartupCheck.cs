using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace PolicyKit.AspNetCore;

/// <summary>
/// Runs <see cref="PolicyConfigurationCheck"/> when the host starts. WebApplication starts its server after every
/// other hosted service, so a weak configuration never serves a request.
/// </summary>
internal sealed class PolicyKitStartupCheck : IHostedService
{
    private readonly IServiceProvider services;
    private readonly PolicySet policy;

    public PolicyKitStartupCheck(IServiceProvider services, PolicySet policy)
    {
        this.services = services;
        this.policy = policy;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var findings = PolicyConfigurationCheck.Run(services, policy);
        return findings.Count == 0 ? Task.CompletedTask : throw new PolicyConfigurationException(findings);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
