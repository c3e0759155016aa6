namespace PolicyKit;

/// <summary>What kind of algorithm a name denotes.</summary>
public enum AlgorithmFamily
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>A hash function (MD5, SHA-1, SHA-256…).</summary>
    Hash,

    /// <summary>A symmetric cipher (AES, DES, 3DES, RC2, RC4…).</summary>
    Cipher,

    /// <summary>A block cipher mode (ECB, CBC, GCM…).</summary>
    Mode,

    /// <summary>An asymmetric algorithm (RSA, EC, DH, DSA).</summary>
    Asymmetric,
}
