using System;
using System.Net.Http;
using System.Net.Mail;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Npgsql;

namespace Corpus.Transport;

public sealed class PartnerTlsOptions
{
    public bool AllowSelfSigned { get; set; }
}

/// <summary>Validation callbacks that look strict but let most bad certificates through, and their strict twins.</summary>
public static class LenientValidation
{
    public static HttpClientHandler Settlement(PartnerTlsOptions options) => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, policyErrors) => // vuln:PK4004 an options switch accepts anything
        {
            if (options.AllowSelfSigned)
            {
                return true;
            }

            return policyErrors == SslPolicyErrors.None;
        },
    };

    public static HttpClientHandler SettlementLocalOnly(IHostEnvironment environment) => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, policyErrors) => environment.IsDevelopment() || policyErrors == SslPolicyErrors.None, // safe:PK4004 judged: Development-only relaxation, left to review
    };

    public static SslClientAuthenticationOptions Ledger() => new()
    {
        TargetHost = "ledger.partner.example.com",
        RemoteCertificateValidationCallback = (sender, certificate, chain, policyErrors) => (policyErrors & SslPolicyErrors.RemoteCertificateChainErrors) == policyErrors, // vuln:PK4004 chain errors (self-signed, untrusted root) pass
    };

    public static SslClientAuthenticationOptions LedgerStrict(byte[] expectedSpki) => new()
    {
        TargetHost = "ledger.partner.example.com",
        RemoteCertificateValidationCallback = (sender, certificate, chain, policyErrors) => // safe:PK4004 platform result plus an SPKI pin
            policyErrors == SslPolicyErrors.None && certificate is X509Certificate2 presented
            && SHA256.HashData(presented.PublicKey.ExportSubjectPublicKeyInfo()).AsSpan().SequenceEqual(expectedSpki),
    };

    public static HttpClientHandler SubjectOnly() => new()
    {
        ServerCertificateCustomValidationCallback = (message, certificate, chain, policyErrors) => certificate?.Subject == "CN=payments.partner.example.com", // vuln:PK4004 anyone can mint a certificate with this subject
    };

    public static void KestrelPartners(KestrelServerOptions kestrel) => kestrel.ConfigureHttpsDefaults(https =>
    {
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.ClientCertificateValidation = (certificate, chain, policyErrors) => policyErrors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors; // vuln:PK4004 any self-signed client certificate authenticates
    });

    public static MySqlConnectionStringBuilder Reporting(string host) => new()
    {
        Server = host,
        Database = "reporting",
        SslMode = MySqlSslMode.Required, // vuln:PK4004 encrypted but the server is never authenticated
    };

    public static NpgsqlConnectionStringBuilder Events(string host) => new()
    {
        Host = host,
        Database = "events",
        SslMode = SslMode.VerifyFull, // safe:PK4004 full verification
    };
}

/// <summary>Addresses assembled at run time.</summary>
public static class AssembledAddresses
{
    public static Uri Statement(string accountId) => new UriBuilder("ftp", "statements.bank.example.com", 21, $"/out/{accountId}.pdf").Uri; // vuln:PK4005 statements fetched over plain FTP

    public static Uri StatementTls(string accountId) => new UriBuilder("https", "statements.bank.example.com", 443, $"/out/{accountId}.pdf").Uri; // safe:PK4005 https

    public static Uri Metrics(int port) => new($"http://127.0.0.1:{port}/metrics"); // safe:PK4005 loopback exporter

    public static Uri Region(string region) => new($"http://{region}.catalog.example.com/v1/"); // vuln:PK4005 region endpoint over http

    public static SmtpClient Alerts() => new("smtp.alerts.example.com", 587); // vuln:PK4005 factory hands out a client without TLS

    public static SmtpClient AlertsTls() => new("smtp.alerts.example.com", 587) { EnableSsl = true }; // safe:PK4005 TLS on
}
