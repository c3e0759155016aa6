using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK2001HardcodedCredentialAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK2001HardcodedCredentialTests
{
    [Fact]
    public Task Flags_network_credential_password() => Verify.Analyzer("""
        using System.Net;
        using System.Net.Mail;
        class Mailer
        {
            SmtpClient Create() => new SmtpClient("smtp.example.com")
            {
                Credentials = new NetworkCredential("noreply@example.com", [|"Sm7p!Passw0rd"|]),
            };
        }
        """);

    [Fact]
    public Task Flags_connection_string_with_password_passed_to_sql_connection() => Verify.Analyzer("""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.Data.SqlClient;
        public class Order { public int Id { get; set; } }
        public class OrderRepository
        {
            public async Task<IEnumerable<Order>> AllAsync()
            {
                await using var connection = new SqlConnection([|"Server=db01;Database=Shop;User Id=sa;Password=Pa55w0rd!;TrustServerCertificate=True"|]);
                return await connection.QueryAsync<Order>("select Id from Orders");
            }
        }
        """);

    [Fact]
    public Task Flags_connection_string_field_used_by_npgsql() => Verify.Analyzer("""
        using Npgsql;
        class Reports
        {
            private const string ConnectionString = [|"Host=pg;Username=app;Password=s3cr3t;Database=reports"|];
            public NpgsqlConnection Open() { var c = new NpgsqlConnection(ConnectionString); c.Open(); return c; }
        }
        """);

    [Fact]
    public Task Flags_connection_string_local_followed_to_the_constructor() => Verify.Analyzer("""
        using MySqlConnector;
        class Legacy
        {
            public MySqlConnection Open()
            {
                var cs = [|"Server=mysql;Uid=root;Pwd=toor;Database=legacy"|];
                return new MySqlConnection(cs);
            }
        }
        """);

    [Fact]
    public Task Flags_interpolated_connection_string_with_a_literal_password() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;
        class Db
        {
            public SqlConnection Open(string host) => new SqlConnection([|$"Server={host};Database=Payroll;User ID=payroll;Password=Winter2024!"|]);
        }
        """);

    [Fact]
    public Task Flags_ef_core_set_connection_string() => Verify.Analyzer("""
        using Microsoft.EntityFrameworkCore;
        public class ShopContext : DbContext
        {
            public ShopContext(DbContextOptions<ShopContext> options) : base(options)
            {
                Database.SetConnectionString([|"Server=.;Database=Shop;User Id=shop;Password=ShopPass#1"|]);
            }
        }
        """);

    [Fact]
    public Task Flags_use_sql_server_connection_string() => Verify.Analyzer("""
        using Microsoft.EntityFrameworkCore;
        public static class SqlServerExtensions
        {
            // Shape of Microsoft.EntityFrameworkCore.SqlServer's extension, which the tests do not reference.
            public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder builder, string connectionString) => builder;
        }
        public class AppDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) =>
                options.UseSqlServer([|"Data Source=sql;Initial Catalog=App;User ID=app;Password=App@2024"|]);
        }
        """);

    [Fact]
    public Task Flags_connection_string_property_assignment() => Verify.Analyzer("""
        using System.Data.SqlClient;
        class Old
        {
            public SqlConnection Create()
            {
                var connection = new SqlConnection();
                connection.ConnectionString = [|"Data Source=.;Initial Catalog=Old;User ID=sa;Pwd=sa"|];
                return connection;
            }
        }
        """);

    [Fact]
    public Task Flags_connection_string_builder_password() => Verify.Analyzer("""
        using Microsoft.Data.SqlClient;
        class Factory
        {
            public string Build() => new SqlConnectionStringBuilder
            {
                DataSource = "sql01",
                UserID = "report",
                Password = [|"R3port!ng"|],
            }.ConnectionString;
        }
        """);

    [Fact]
    public Task Flags_connection_string_builder_indexer() => Verify.Analyzer("""
        using Npgsql;
        class Factory
        {
            public string Build()
            {
                var builder = new NpgsqlConnectionStringBuilder { Host = "pg" };
                builder["Password"] = [|"pgpass123"|];
                return builder.ConnectionString;
            }
        }
        """);

    [Fact]
    public Task Flags_configuration_indexer_with_api_key() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var builder = WebApplication.CreateBuilder(args);
                builder.Configuration["ApiKey"] = [|"sk_live_51HqLyjWDarjtT1zdp7dc"|];
                builder.Configuration["Jwt:Key"] = [|"k3y-for-signing-tokens-0123456789"|];
                var app = builder.Build();
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Flags_dictionary_initializer_entries() => Verify.Analyzer("""
        using System.Collections.Generic;
        using Microsoft.Extensions.Configuration;
        class Settings
        {
            public IConfiguration Build() => new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Smtp:Host"] = "smtp.example.com",
                    ["Smtp:Password"] = [|"mailpass"|],
                })
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    { "Stripe:SecretKey", [|"sk_test_4eC39HqLyjWDarjtT1zdp7dc"|] },
                })
                .Build();
        }
        """);

    [Fact]
    public Task Flags_password_sign_in_with_literal() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        public class DemoController : Controller
        {
            private readonly SignInManager<IdentityUser> _signIn;
            public DemoController(SignInManager<IdentityUser> signIn) => _signIn = signIn;
            public async Task<IActionResult> DemoLogin()
            {
                var result = await _signIn.PasswordSignInAsync("demo", [|"Demo123!"|], isPersistent: false, lockoutOnFailure: true);
                return result.Succeeded ? RedirectToAction("Index") : View();
            }
        }
        """);

    [Fact]
    public Task Flags_seeded_admin_password() => Verify.Analyzer("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        public static class Seed
        {
            public static async Task AdminAsync(UserManager<IdentityUser> users)
            {
                var admin = new IdentityUser { UserName = "admin", Email = "admin@example.com" };
                await users.CreateAsync(admin, [|"Admin@123"|]);
                if (!await users.CheckPasswordAsync(admin, password: [|"changeme"|])) { }
            }
        }
        """);

    [Fact]
    public Task Ignores_jwt_signing_key_text_and_kdf_passphrases_which_pk2002_reports() => Verify.NoDiagnostic("""
        using System.Security.Cryptography;
        using System.Text;
        using Microsoft.IdentityModel.Tokens;
        class Tokens
        {
            public SigningCredentials Credentials() =>
                new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes("this is my custom Secret key for authentication")), SecurityAlgorithms.HmacSha256);
            public byte[] ArchiveKey(byte[] salt) =>
                Rfc2898DeriveBytes.Pbkdf2("archive-passphrase-2024", salt, 600_000, HashAlgorithmName.SHA256, 32);
        }
        """);

    [Fact]
    public Task Flags_const_secret_fields_and_properties() => Verify.Analyzer("""
        public static class Secrets
        {
            public const string AdminPassword = [|"P@ssw0rd"|];
            public static readonly string ClientSecret = [|"8f4e2a1c9b7d"|];
            public static string GitHubToken { get; } = [|"ghp_16C7e42F292c6912E7710c838347Ae178B4a"|];
            private static readonly string db_pwd = [|"hunter2"|];
        }
        """);

    [Fact]
    public Task Flags_options_client_secret_assignment() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Authentication.OAuth;
        class Setup
        {
            public void Configure(OAuthOptions options)
            {
                options.ClientId = "payroll-web";
                options.ClientSecret = [|"Qm9hdCBzZWNyZXQ"|];
            }
        }
        """);

    [Fact]
    public Task Flags_hard_coded_password_comparison() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Mvc;
        public record LoginModel(string UserName, string Password);
        public class AccountController : Controller
        {
            [HttpPost]
            public IActionResult Login(LoginModel model)
            {
                if (model.UserName == "admin" && model.Password == [|"admin123"|])
                {
                    return RedirectToAction("Index", "Home");
                }
                var pin = model.Password;
                if (string.Equals(pin, "x") || model.Password.Equals([|"office2024"|])) { return Forbid(); }
                return View(model);
            }
        }
        """);

    [Fact]
    public Task Flags_basic_authorization_header() => Verify.Analyzer("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        class PartnerClient
        {
            public HttpClient Create()
            {
                var client = new HttpClient();
                client.DefaultRequestHeaders.Authorization =
                    new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes([|"partner:Partn3rPass"|])));
                client.DefaultRequestHeaders.Add("X-Api-Key", [|"3f9a0c7e51b24d8a"|]);
                client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", [|"Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo"|]);
                return client;
            }
        }
        """);

    [Fact]
    public Task Flags_named_and_positional_arguments_of_in_house_methods() => Verify.Analyzer("""
        class Ftp
        {
            public void Connect(string host, string user, string password) { }
            public void Upload(string apiKey, string file) { }
            public void Run()
            {
                Connect("ftp.example.com", "upload", [|"Upl0ad!"|]);
                Connect(host: "ftp", user: "u", password: [|"ftp-pass"|]);
                Upload([|"AKIAIOSFODNN7EXAMPLE"|], "a.txt");
            }
        }
        """);

    [Fact]
    public Task Flags_minimal_api_hard_coded_api_key_check() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        public static class Program
        {
            public static void Main(string[] args)
            {
                var app = WebApplication.Create(args);
                app.MapGet("/export", (HttpRequest request) =>
                {
                    string? apiKey = request.Headers["X-Api-Key"];
                    return apiKey == [|"ex-2b7e151628aed2a6"|] ? Results.Ok() : Results.Unauthorized();
                });
                app.Run();
            }
        }
        """);

    [Fact]
    public Task Ignores_configuration_and_environment_reads() => Verify.NoDiagnostic("""
        using System;
        using Microsoft.Data.SqlClient;
        using Microsoft.Extensions.Configuration;
        class Db
        {
            private readonly IConfiguration _configuration;
            public Db(IConfiguration configuration) => _configuration = configuration;
            public SqlConnection Open()
            {
                var builder = new SqlConnectionStringBuilder
                {
                    DataSource = "sql",
                    Password = _configuration["Db:Password"],
                    UserID = Environment.GetEnvironmentVariable("DB_USER"),
                };
                var apiKey = Environment.GetEnvironmentVariable("API_KEY");
                return new SqlConnection(_configuration.GetConnectionString("Default"));
            }
        }
        """);

    [Fact]
    public Task Ignores_empty_values_and_empty_comparisons() => Verify.NoDiagnostic("""
        class Form
        {
            public string Password { get; set; } = "";
            public string Token { get; set; } = string.Empty;
            public bool Missing(string password) => password == "" || password == " " || Token == null;
        }
        """);

    [Fact]
    public Task Ignores_placeholders() => Verify.NoDiagnostic("""
        class Defaults
        {
            public const string Password = "<password>";
            public const string DbPassword = "${DB_PASSWORD}";
            public const string SmtpPassword = "%SMTP_PASSWORD%";
            public const string ApiKey = "{apiKey}";
            public const string ClientSecret = "your-client-secret";
            public const string Secret = "***";
            public const string Token = "xxx";
            public const string AdminPassword = "TODO";
            public const string RootPassword = "REPLACE_ME";
            public const string SignupPassword = "your-password-here";
            public const string ConnectionString = "Server=.;Database=App;User Id=app;Password=${DB_PASSWORD}";
        }
        """);

    [Fact]
    public Task Ignores_labels_prompts_and_metadata_names() => Verify.NoDiagnostic("""
        using System.ComponentModel.DataAnnotations;
        public class RegisterModel
        {
            public const string PasswordLabel = "Password:";
            public const string PasswordPrompt = "Enter your password";
            public const string PasswordHint = "At least 12 characters";
            public const string PasswordErrorMessage = "The password is wrong.";
            public const string PasswordField = "password";
            public const int PasswordRequiredLength = 12;
            public const string PasswordPolicyUrl = "https://example.com/password-policy";
            public const string TokenEndpoint = "https://login.example.com/oauth2/token";
            public const string TokenType = "Bearer";
            public const string ApiKeyHeaderName = "X-Api-Key";
            public const string Password = "Password";
            public const string ResetToken = "Account.ResetToken";
            public const string DbPasswordVariable = "DB_PASSWORD";

            [Required, DataType(DataType.Password), Display(Name = "Password")]
            public string NewPassword { get; set; } = "";
        }
        """);

    [Fact]
    public Task Ignores_connection_strings_without_a_real_password() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;
        using Microsoft.Data.Sqlite;
        class Db
        {
            const string Trusted = "Server=.;Database=App;Integrated Security=true;TrustServerCertificate=True";
            public SqlConnection Open() => new SqlConnection(Trusted);
            public SqlConnection Empty() => new SqlConnection("Server=.;Database=App;User Id=app;Password=;");
            public SqlConnection Format(string pwd) => new SqlConnection(string.Format("Server=.;Password={0}", pwd));
            public SqlConnection Hole(string pwd) => new SqlConnection($"Server=.;User Id=app;Password={pwd}");
            public SqliteConnection Local() => new SqliteConnection("Data Source=app.db");
        }
        """);

    [Fact]
    public Task Ignores_non_secret_tokens_and_keys() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        using System.Threading;
        using Microsoft.AspNetCore.Http;
        class Paging
        {
            public string NextPageToken { get; set; } = "start";
            public Dictionary<string, string> Map { get; } = new() { ["key"] = "value", ["PrimaryKey"] = "Id" };
            public string CacheKey = "users:all";
            public void Write(HttpResponse response) => response.Headers["Cache-Control"] = "no-store";
        }
        """);

    [Fact]
    public Task Ignores_non_literal_credentials() => Verify.NoDiagnostic("""
        using System.Net;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        public class Login
        {
            public NetworkCredential For(string user, string password) => new NetworkCredential(user, password);
            public Task<SignInResult> SignIn(SignInManager<IdentityUser> m, string user, string password) =>
                m.PasswordSignInAsync(user, password, false, true);
            public bool Same(string password, string confirmPassword) => password == confirmPassword;
        }
        """);

    [Fact]
    public Task Ignores_passwords_in_key_vault_secret_names() => Verify.NoDiagnostic("""
        class Vault
        {
            public const string PasswordSecretName = "db-password";
            public string GetSecret(string name) => name;
            public string Read() => GetSecret(PasswordSecretName) + GetSecret("smtp-password");
        }
        """);

    [Fact]
    public Task Ignores_sql_parameter_names_and_hashes() => Verify.NoDiagnostic("""
        using Microsoft.Data.SqlClient;
        class Users
        {
            public void Update(SqlCommand command, string hash)
            {
                command.CommandText = "update Users set PasswordHash = @password where Id = @id";
                command.Parameters.AddWithValue("@password", hash);
                var PasswordHash = "AQAAAAIAAYagAAAAEJ8";
            }
        }
        """);
    [Fact]
    public Task Ignores_identity_password_options() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.Extensions.DependencyInjection;
        static class Setup
        {
            public static void Add(IServiceCollection services) => services.Configure<IdentityOptions>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
            });
        }
        """);

    [Fact]
    public Task Ignores_password_bound_from_the_request() => Verify.NoDiagnostic("""
        using System.ComponentModel.DataAnnotations;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        public class LoginModel : PageModel
        {
            private readonly SignInManager<IdentityUser> _signIn;
            public LoginModel(SignInManager<IdentityUser> signIn) => _signIn = signIn;
            [BindProperty, Required, DataType(DataType.Password)] public string Password { get; set; } = string.Empty;
            [BindProperty] public string Email { get; set; } = string.Empty;
            public string MaskedPassword => "********";
            public async Task<IActionResult> OnPostAsync()
            {
                var result = await _signIn.PasswordSignInAsync(Email, Password, isPersistent: false, lockoutOnFailure: true);
                return result.Succeeded ? LocalRedirect("/") : Page();
            }
        }
        """);

    [Fact]
    public Task Ignores_jwt_key_read_from_configuration() => Verify.NoDiagnostic("""
        using System.Text;
        using Microsoft.Extensions.Configuration;
        using Microsoft.IdentityModel.Tokens;
        class Tokens
        {
            public TokenValidationParameters Parameters(IConfiguration config) => new()
            {
                ValidIssuer = "https://login.example.com",
                ValidAudience = "payroll",
                IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(config["Jwt:Key"]!)),
            };
        }
        """);

    [Fact]
    public Task Ignores_tokens_passed_through() => Verify.NoDiagnostic("""
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Security.Claims;
        using System.IdentityModel.Tokens.Jwt;
        using Microsoft.IdentityModel.Tokens;
        class Api
        {
            public void Authorize(HttpClient client, string accessToken) =>
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            public ClaimsPrincipal Read(string token, TokenValidationParameters p) =>
                new JwtSecurityTokenHandler().ValidateToken(token, p, out _);
        }
        """);

    [Fact]
    public Task Ignores_null_checks_and_sentences() => Verify.NoDiagnostic("""
        class Messages
        {
            public string PasswordMismatch = "The password and confirmation password do not match.";
            public string Check(string? password, string? token) =>
                string.IsNullOrEmpty(password) || token is null || password != null ? "Password is required" : "ok";
            public string Secret { get; set; } = "Never share this with anyone";
        }
        """);

    [Fact]
    public Task Ignores_non_secret_key_value_pairs() => Verify.NoDiagnostic("""
        using System;
        using System.Net.Http;
        class Client
        {
            public void Prepare(HttpClient client, string apiKey)
            {
                client.DefaultRequestHeaders.Add("Accept", "application/json");
                client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
                Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Production");
            }
        }
        """);

    [Fact]
    public Task Flags_values_of_a_collection_named_for_passwords() => Verify.Analyzer("""
        using System.Collections.Generic;
        static class Accounts
        {
            public static readonly Dictionary<string, string> ServicePasswords = new()
            {
                ["reports"] = [|"R3ports-Svc!2024"|],
            };
            public static string MapsKey()
            {
                var apiKeys = new Dictionary<string, string>
                {
                    { "maps", [|"AIzaSyD-9tSrke72PouQMnMX"|] },
                };
                return apiKeys["maps"];
            }
        }
        """);

    [Fact]
    public Task Ignores_collections_not_named_for_secrets() => Verify.NoDiagnostic("""
        using System.Collections.Generic;
        static class Accounts
        {
            public static readonly Dictionary<string, string> ServiceUrls = new()
            {
                ["reports"] = "https://reports.internal",
            };
            public static readonly Dictionary<string, string> Passwords = new()
            {
                ["reports"] = "Reports:Password",
            };
        }
        """);

    [Fact]
    public Task Flags_connection_string_with_password_returned_by_a_factory() => Verify.Analyzer("""
        using Microsoft.Extensions.Configuration;
        static class Cache
        {
            public static string Redis() => [|"redis01:6379,password=Ca4he-Pa55,ssl=True"|];
            public static string Reporting { get { return [|"Server=rpt;Database=r;User Id=r;Password=Rpt!2024"|]; } }
        }
        """);

    [Fact]
    public Task Ignores_returned_connection_strings_without_a_literal_password() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.Configuration;
        static class Cache
        {
            public static string Redis(IConfiguration configuration) => $"redis01:6379,password={configuration["Redis:Password"]},ssl=True";
            public static string Anonymous() => "redis01:6379,ssl=True";
            public static string Prompt() => "Enter the password=value pair";
        }
        """);

    [Fact]
    public Task Flags_basic_credentials_encoded_through_a_local() => Verify.Analyzer("""
        using System;
        using System.Net.Http;
        using System.Net.Http.Headers;
        using System.Text;
        class Partner(HttpClient http)
        {
            public void Authenticate()
            {
                var pair = Encoding.UTF8.GetBytes([|"svc-partner:Pa55-partner-2024"|]);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
            }
        }
        """);
}
