namespace PolicyKit;

/// <summary>TLS protocol versions, in increasing order of strength (written <c>"1.0"</c> … <c>"1.3"</c>).</summary>
public enum TlsVersion
{
    /// <summary>TLS 1.0.</summary>
    Tls10 = 10,

    /// <summary>TLS 1.1.</summary>
    Tls11 = 11,

    /// <summary>TLS 1.2.</summary>
    Tls12 = 12,

    /// <summary>TLS 1.3.</summary>
    Tls13 = 13,
}
