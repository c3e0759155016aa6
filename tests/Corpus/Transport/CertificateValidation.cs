using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Corpus.Transport;

/// <summary>Outbound clients of the shop with their TLS settings.</summary>
public static class PartnerHttpClients
{
    private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> AcceptAll =
        (_, _, _, _) => true; // vuln:PK4004#accept-all shared trust-all callback, used by AddWarehouseClient

    private static readonly Func<HttpRequestMessage, X509Certificate2?, X509Chain?, SslPolicyErrors, bool> PlatformResult =
        (_, _, _, errors) => errors == SslPolicyErrors.None; // safe:PK4004#platform-result

    public static IServiceCollection AddWarehouseClient(this IServiceCollection services)
    {
        services.AddHttpClient("warehouse")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = AcceptAll }); // vuln:PK4004#accept-all
        return services;
    }

    public static IServiceCollection AddInventoryClient(this IServiceCollection services)
    {
        services.AddHttpClient("inventory")
            .ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler { ServerCertificateCustomValidationCallback = PlatformResult }); // safe:PK4004#platform-result
        return services;
    }

    public static HttpClient Discards() =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true }); // vuln:PK4004 discards, always true

    public static HttpClient Sockets()
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true; // vuln:PK4004 SocketsHttpHandler trust-all
        return new HttpClient(handler);
    }

    public static HttpClient SocketsDefault()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        handler.SslOptions.TargetHost = "api.partner.example.com"; // safe:PK4004 default validation, only the SNI name set
        return new HttpClient(handler);
    }

    public static HttpClient MethodGroup() =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = TrustEverything }); // vuln:PK4004 method group that returns true

    private static bool TrustEverything(HttpRequestMessage request, X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        return true;
    }

    public static HttpClient Logged(ILogger logger) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => // vuln:PK4004 logs the problem, then trusts anyway
            {
                if (errors != SslPolicyErrors.None)
                {
                    logger.LogWarning("TLS problem with {Host}: {Errors}", request.RequestUri?.Host, errors);
                }

                return true;
            },
        });

    public static HttpClient LoggedStrict(ILogger logger) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (request, certificate, chain, errors) => // safe:PK4004 logs and rejects
            {
                if (errors != SslPolicyErrors.None)
                {
                    logger.LogWarning("TLS problem with {Host}: {Errors}", request.RequestUri?.Host, errors);
                    return false;
                }

                return true;
            },
        });

    public static HttpClient ChainErrorsAllowed() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, errors) => errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors, // vuln:PK4004 untrusted chains (any self-signed certificate) accepted
        });

    public static HttpClient NameMismatchAllowed() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, errors) => (errors & ~SslPolicyErrors.RemoteCertificateNameMismatch) == SslPolicyErrors.None, // vuln:PK4004 any valid certificate for any host
        });

    public static HttpClient NotNull() =>
        new(new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate is not null }); // vuln:PK4004 any certificate at all

    public static HttpClient IssuerName() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate!.Issuer.Contains("CN=Example Issuing CA"), // vuln:PK4004 issuer name is chosen by whoever makes the certificate
        });

    public static HttpClient ChainIgnored() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, _) => // vuln:PK4004 builds the chain, ignores the result
            {
                chain!.Build(certificate!);
                return true;
            },
        });

    public static HttpClient PrivateRoot(X509Certificate2 root) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) => // safe:PK4004 validates against the shop's private root, name errors rejected
            {
                if (errors == SslPolicyErrors.None)
                {
                    return true;
                }

                if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null)
                {
                    return false;
                }

                using var custom = new X509Chain();
                custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                custom.ChainPolicy.CustomTrustStore.Add(root);
                return custom.Build(certificate);
            },
        });

    public static HttpClient Pinned(byte[] expectedSpkiHash) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None && certificate is not null &&
                SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()).AsSpan().SequenceEqual(expectedSpkiHash), // safe:PK4004 platform result plus SPKI pin
        });

    public static HttpClient AllFlags() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => // vuln:PK4004 a chain that ignores every error
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllFlags;
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(certificate!);
            },
        });

    public static HttpClient Plain() => new(); // safe:PK4004 platform validation
}

public sealed class TlsSockets(ILogger<TlsSockets> logger)
{
    private static readonly HashSet<string> ClientThumbprints = new(StringComparer.OrdinalIgnoreCase) { "3F2A9C0D11E5B7A8C4D2E6F1A9B0C3D4E5F6A7B8" };

    public async Task<SslStream> ConnectAsync(TcpClient client)
    {
        var stream = new SslStream(client.GetStream());
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "ledger.example.com",
            RemoteCertificateValidationCallback = (_, _, _, _) => true, // vuln:PK4004 SslStream client trusts any server
        });
        return stream;
    }

    public async Task<SslStream> ConnectStrictAsync(TcpClient client)
    {
        var stream = new SslStream(client.GetStream());
        await stream.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "ledger.example.com",
            RemoteCertificateValidationCallback = (_, _, _, errors) => errors == SslPolicyErrors.None, // safe:PK4004 platform result
        });
        return stream;
    }

    public async Task<SslStream> AcceptAsync(TcpClient client, X509Certificate2 serverCertificate)
    {
        var stream = new SslStream(client.GetStream(), false, (_, _, _, _) => true); // vuln:PK4004 server accepts any client certificate
        await stream.AuthenticateAsServerAsync(serverCertificate, clientCertificateRequired: true, checkCertificateRevocation: true);
        return stream;
    }

    public async Task<SslStream> AcceptKnownAsync(TcpClient client, X509Certificate2 serverCertificate)
    {
        var stream = new SslStream(client.GetStream(), false, (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None && certificate is not null && ClientThumbprints.Contains(certificate.GetCertHashString())); // safe:PK4004 trusted chain and a known client
        await stream.AuthenticateAsServerAsync(serverCertificate, clientCertificateRequired: true, checkCertificateRevocation: true);
        return stream;
    }

    public ClientWebSocket Socket()
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, _) => true; // vuln:PK4004 WebSocket trusts any server
        return socket;
    }

    public ClientWebSocket SocketStrict()
    {
        var socket = new ClientWebSocket();
        socket.Options.RemoteCertificateValidationCallback = (_, _, _, errors) => // safe:PK4004 logs and keeps the platform result
        {
            logger.LogDebug("Socket TLS result {Errors}", errors);
            return errors == SslPolicyErrors.None;
        };
        return socket;
    }
}

public static class KestrelClientCertificates
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase) { "9B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C" };

    public static IWebHostBuilder AcceptAnyClient(this IWebHostBuilder host) =>
        host.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, chain, errors) => true; // vuln:PK4004 any client certificate authenticates
        }));

    public static IWebHostBuilder AcceptKnownClients(this IWebHostBuilder host) =>
        host.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, chain, errors) => errors == SslPolicyErrors.None && Allowed.Contains(certificate.Thumbprint); // safe:PK4004 chain valid and thumbprint allow-listed
        }));

    public static IWebHostBuilder AcceptSelfSignedClients(this IWebHostBuilder host) =>
        host.ConfigureKestrel(o => o.ConfigureHttpsDefaults(https =>
        {
            https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
            https.AllowAnyClientCertificate(); // vuln:PK4004 Kestrel's own "allow any client certificate"
        }));
}
