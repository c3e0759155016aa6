using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.AspNetCore;

/// <summary>Thrown at start-up when the running configuration is weaker than the policy, or the policy file is invalid.</summary>
public sealed class PolicyConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyConfigurationException()
        : this("The configuration does not satisfy the PolicyKit policy.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public PolicyConfigurationException(string message)
        : base(message)
    {
        Findings = Array.Empty<PolicyConfigurationFinding>();
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Findings = Array.Empty<PolicyConfigurationFinding>();
    }

    /// <summary>Creates the exception from findings.</summary>
    /// <param name="findings">What is weaker than the policy.</param>
    public PolicyConfigurationException(IReadOnlyList<PolicyConfigurationFinding> findings)
        : base(Describe(findings))
    {
        Findings = findings;
    }

    /// <summary>What is weaker than the policy.</summary>
    public IReadOnlyList<PolicyConfigurationFinding> Findings { get; }

    private static string Describe(IReadOnlyList<PolicyConfigurationFinding> findings) =>
        $"The running configuration is weaker than the PolicyKit policy ({findings.Count} setting(s)):"
        + string.Concat(findings.Select(f => Environment.NewLine + "  - " + f.Message));
}
