using System;
using System.Net.Http;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Data.SqlClient;
using MySqlConnector;
using Npgsql;

namespace Corpus.Transport;

/// <summary>Database connections with their certificate checks.</summary>
public static class DatabaseTls
{
    public static SqlConnection ReportingDb(string host) =>
        new($"Server={host};Database=Reporting;Authentication=Active Directory Default;Encrypt=True;TrustServerCertificate=True"); // vuln:PK4004 SQL Server certificate not validated

    public static SqlConnection ReportingDbStrict(string host) =>
        new($"Server={host};Database=Reporting;Authentication=Active Directory Default;Encrypt=Strict"); // safe:PK4004 TDS 8 strict encryption, certificate validated

    public static SqlConnection Builder(string host)
    {
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = host,
            InitialCatalog = "Shop",
            Authentication = SqlAuthenticationMethod.ActiveDirectoryManagedIdentity,
            Encrypt = SqlConnectionEncryptOption.Mandatory,
            TrustServerCertificate = true, // vuln:PK4004 builder flag disables the check
        };
        return new SqlConnection(builder.ConnectionString);
    }

    public static SqlConnection BuilderStrict(string host)
    {
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = host,
            InitialCatalog = "Shop",
            Authentication = SqlAuthenticationMethod.ActiveDirectoryManagedIdentity,
            Encrypt = SqlConnectionEncryptOption.Mandatory,
            TrustServerCertificate = false, // safe:PK4004 validated
            HostNameInCertificate = "shop-sql.database.example.com",
        };
        return new SqlConnection(builder.ConnectionString);
    }

    public static NpgsqlDataSource Orders(string host) =>
        NpgsqlDataSource.Create($"Host={host};Database=orders;SSL Mode=Require;Trust Server Certificate=true"); // vuln:PK4004 Npgsql told to trust any certificate

    public static NpgsqlDataSource OrdersVerified(string host) =>
        NpgsqlDataSource.Create($"Host={host};Database=orders;SSL Mode=VerifyFull;Root Certificate=/etc/ssl/certs/shop-db-ca.pem"); // safe:PK4004 full verification

    public static NpgsqlDataSource OrdersCallback(string host)
    {
        var builder = new NpgsqlDataSourceBuilder($"Host={host};Database=orders;SSL Mode=Require");
        builder.UseUserCertificateValidationCallback((_, _, _, _) => true); // vuln:PK4004 Npgsql callback trusts everything
        return builder.Build();
    }

    public static NpgsqlDataSource OrdersCallbackStrict(string host)
    {
        var builder = new NpgsqlDataSourceBuilder($"Host={host};Database=orders;SSL Mode=Require");
        builder.UseUserCertificateValidationCallback((_, _, _, errors) => errors == SslPolicyErrors.None); // safe:PK4004 platform result
        return builder.Build();
    }

    public static MySqlConnection Catalog(string host) =>
        new($"Server={host};Database=catalog;SslMode=Required"); // vuln:PK4004 MySqlConnector Required encrypts without checking the certificate

    public static MySqlConnection CatalogVerified(string host) =>
        new($"Server={host};Database=catalog;SslMode=VerifyFull;SslCa=/etc/ssl/certs/catalog-ca.pem"); // safe:PK4004 VerifyFull

    public static MySqlConnection CatalogBuilder(string host)
    {
        var builder = new MySqlConnectionStringBuilder { Server = host, Database = "catalog", SslMode = MySqlSslMode.VerifyCA }; // vuln:PK4004 VerifyCA skips the host-name check
        return new MySqlConnection(builder.ConnectionString);
    }

    public static MySqlConnection CatalogBuilderStrict(string host)
    {
        var builder = new MySqlConnectionStringBuilder { Server = host, Database = "catalog", SslMode = MySqlSslMode.VerifyFull }; // safe:PK4004 VerifyFull
        return new MySqlConnection(builder.ConnectionString);
    }

    public static MySqlConnection CatalogCallback(string host)
    {
        var connection = new MySqlConnection($"Server={host};Database=catalog;SslMode=Required");
        connection.RemoteCertificateValidationCallback = (_, _, _, _) => true; // vuln:PK4004 connector callback trusts everything
        return connection;
    }

    public static SqlConnection Local() => new("Server=(localdb)\\MSSQLLocalDB;Database=Shop;Integrated Security=true;Encrypt=False"); // safe:PK4004 LocalDB on the same machine, no certificate involved
}

/// <summary>Certificate helpers used by the handlers.</summary>
public static class CertificateChecks
{
    public static bool IsTrusted(X509Certificate2 certificate, X509Certificate2 root)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.Online;
        return chain.Build(certificate); // safe:PK4004 custom root, revocation checked
    }

    public static HttpClient WithRoot(X509Certificate2 root) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, errors) =>
                (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0 && certificate is not null && IsTrusted(certificate, root), // safe:PK4004 name checked, chain checked against the private root
        });

    public static HttpClient ExpiredAllowed() =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, chain, errors) => // vuln:PK4004 a chain error for any reason (untrusted root too) is waved through
            {
                if (errors == SslPolicyErrors.RemoteCertificateChainErrors)
                {
                    return true;
                }

                return errors == SslPolicyErrors.None;
            },
        });

    public static HttpClient CheckRevocation() =>
        new(new HttpClientHandler { CheckCertificateRevocationList = true }); // safe:PK4004 stricter than the default

    public static HttpClient ClientCertificate(X509Certificate2 clientCertificate)
    {
        var handler = new HttpClientHandler { ClientCertificateOptions = ClientCertificateOption.Manual };
        handler.ClientCertificates.Add(clientCertificate); // safe:PK4004 presents a client certificate, server still validated
        return new HttpClient(handler);
    }

    public static HttpClient ThumbprintOnly(string thumbprint) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) => string.Equals(certificate?.Thumbprint, thumbprint, StringComparison.OrdinalIgnoreCase), // safe:PK4004 exact pin of one self-signed certificate (SHA-1 thumbprint of a known cert)
        });

    public static HttpClient EnvironmentSwitch(bool skipValidation) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, _, _, errors) => skipValidation || errors == SslPolicyErrors.None, // vuln:PK4004 one configuration flag turns validation off
        });
}
