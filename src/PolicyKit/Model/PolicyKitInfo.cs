namespace PolicyKit;

/// <summary>Version information of the PolicyKit model.</summary>
public static class PolicyKitInfo
{
    /// <summary>The schema version of policykit.json that this build reads and writes.</summary>
    public const string SchemaVersion = "1";
}
