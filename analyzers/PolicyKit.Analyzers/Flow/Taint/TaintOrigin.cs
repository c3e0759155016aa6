using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>Where request data entered the program: a bound parameter, a bound property or a request read.</summary>
internal sealed class TaintOrigin
{
    public TaintOrigin(string description, Location location)
    {
        Description = description;
        Location = location;
    }

    /// <summary>Short text for messages, e.g. <c>parameter 'returnUrl'</c> or <c>Request.Query</c>.</summary>
    public string Description { get; }

    /// <summary>Where the source is written; reported as the diagnostic's additional location.</summary>
    public Location Location { get; }
}
