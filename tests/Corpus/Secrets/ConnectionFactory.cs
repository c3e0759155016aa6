using System;
using System.Data.Common;
using System.Net;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.Configuration;
using MySqlConnector;
using Npgsql;

namespace Corpus.Secrets;

public sealed class ConnectionFactory
{
    private const string LegacyConnectionString = "Server=db01;Database=Shop;User Id=shop_app;Password=Sh0pApp#2023;TrustServerCertificate=False"; // vuln:PK2001 password in connection string constant
    private const string LocalConnectionString = "Server=(localdb)\\MSSQLLocalDB;Database=Shop;Integrated Security=true"; // safe:PK2001 integrated security
    private readonly IConfiguration _configuration;

    public ConnectionFactory(IConfiguration configuration) => _configuration = configuration;

    public SqlConnection Legacy() => new(LegacyConnectionString);

    public SqlConnection Local() => new(LocalConnectionString);

    public SqlConnection Reporting()
    {
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = "reporting.internal",
            InitialCatalog = "Reports",
            UserID = "report_reader",
            Password = AppSecrets.ReportingDbPassword, // vuln:PK2001#shared-report-pw
        };
        return new SqlConnection(builder.ConnectionString);
    }

    public SqlConnection ReportingFromConfig()
    {
        var builder = new SqlConnectionStringBuilder
        {
            DataSource = "reporting.internal",
            InitialCatalog = "Reports",
            UserID = "report_reader",
            Password = _configuration["Reporting:Password"], // safe:PK2001 from configuration
        };
        return new SqlConnection(builder.ConnectionString);
    }

    public NpgsqlConnection Analytics() =>
        new("Host=analytics;Username=etl;Password=etl_pa55word;Database=warehouse"); // vuln:PK2001 Npgsql connection string

    public NpgsqlConnection AnalyticsFromEnvironment() =>
        new($"Host=analytics;Username=etl;Password={Environment.GetEnvironmentVariable("ETL_PASSWORD")};Database=warehouse"); // safe:PK2001 password from the environment

    public MySqlConnection Legacy2()
    {
        var csb = new MySqlConnectionStringBuilder { Server = "mysql01", UserID = "legacy", Database = "crm" };
        csb.Password = "crm-legacy-pw!"; // vuln:PK2001 builder property
        return new MySqlConnection(csb.ConnectionString);
    }

    public MySqlConnection Legacy2Safe(string password)
    {
        var csb = new MySqlConnectionStringBuilder { Server = "mysql01", UserID = "legacy", Database = "crm" };
        csb.Password = password; // safe:PK2001 parameter
        return new MySqlConnection(csb.ConnectionString);
    }

    public DbConnection Named(string name) =>
        new SqlConnection(_configuration.GetConnectionString(name)); // safe:PK2001 named connection string

    public NetworkCredential FileShare() => new("svc_fileshare", "Fil3Share!Pass", "CORP"); // vuln:PK2001 NetworkCredential

    public NetworkCredential FileShareSafe() =>
        new("svc_fileshare", _configuration["FileShare:Password"], "CORP"); // safe:PK2001 NetworkCredential from configuration
}
