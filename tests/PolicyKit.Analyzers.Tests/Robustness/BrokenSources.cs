using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Analyzers.Tests.Robustness;

/// <summary>Deliberately broken, incomplete and odd code shaped like the code the rules look at.</summary>
internal static class BrokenSources
{
    public sealed record Case(string Name, string Code);

    public static IReadOnlyList<Case> All { get; } = new[]
    {
        new Case("unclosed_method", """
            using Microsoft.EntityFrameworkCore; using Microsoft.Data.SqlClient;
            class C { void M(DbContext db, string name) { var cmd = new SqlCommand("select * from t where n = '" + name
            """),
        new Case("missing_types", """
            class C : UnknownBase { UnknownType F; void M() { var x = new Missing(); x.FromSqlRaw("a" + y); Undefined.Query(conn, $"x{z}"); } }
            """),
        new Case("error_type_arguments", """
            using System.Security.Cryptography;
            class C { void M() { var h = MD5.Create(; var a = Aes.Create(); a.Key = new byte[] { 1, 2, ; a.IV = ; } }
            """),
        new Case("catch_without_try", """
            class C { bool Login(string u, string p) { catch (Exception) { return true; } } }
            """),
        new Case("empty_catch_missing_try_body", """
            class C { bool M() { try catch { } finally } }
            """),
        new Case("lambda_soup", """
            using System.Net; using System.Net.Http;
            class C { void M() { ServicePointManager.ServerCertificateValidationCallback = (a, b, c, d) => ; new HttpClientHandler { ServerCertificateCustomValidationCallback = (,,,) => true }; } }
            """),
        new Case("top_level_statements_broken", """
            var builder = WebApplication.CreateBuilder(args);
            var app = builder.Build();
            app.MapGet("/users/{id}", (int id, Db db) => db.Users.FromSqlRaw("select * from users where id = " + id);
            app.MapPost("/login", async (string password) => { try { await Sign(password) } catch { return true; } });
            app.Run(
            """),
        new Case("attributes_broken", """
            using Microsoft.AspNetCore.Mvc; using Microsoft.AspNetCore.Authorization;
            [Authorize(Roles = ] [Route("api/[controller]"] public class UsersController : ControllerBase { [HttpPost] [AllowAnonymous( public IActionResult Delete(int id) => Ok(; }
            """),
        new Case("array_attribute_arguments", """
            using System; using Microsoft.AspNetCore.Mvc; using Microsoft.AspNetCore.Authorization;
            [AttributeUsage(AttributeTargets.All)] public sealed class TableAttribute : Attribute { public TableAttribute(params string[] names) { } }
            [AttributeUsage(AttributeTargets.All)] public sealed class AreaAttribute : Attribute { public AreaAttribute(params string[] names) { } public string[] Roles { get; set; } }
            [Table("a", "b")] public class Card { public int Id { get; set; } public string UserId { get; set; } }
            [Area("x", "y", Roles = new[] { "Admin" })] [Authorize(Roles = "Customer")] [Route("cart")]
            public class CartController : Controller
            {
                [AcceptVerbs("GET", "POST", Route = "remove/{id:int}")] [Consumes("application/json", "text/json")]
                public IActionResult Remove(int id) => Ok(id);
            }
            """),
        new Case("recursive_helpers", """
            class C { string A(string s) => B(s + "x"); string B(string s) => A(s) + C2(s); string C2(string s) => A(B(s)); void M(System.Data.Common.DbCommand c, string v) { c.CommandText = A(v); } }
            """),
        new Case("self_referencing_locals", """
            class C { void M(System.Data.Common.DbCommand c, string v) { var a = a + v; var b = b; c.CommandText = a + b; string s; c.CommandText = s; } }
            """),
        new Case("password_members_odd", """
            class C { string Password { get => ; set; } = ; const string ApiKey = ApiKey + "x"; string this[string password] => password; void M(string password = "") { Password = } }
            """),
        new Case("identity_options_broken", """
            using Microsoft.AspNetCore.Identity; using Microsoft.Extensions.DependencyInjection;
            class S { void C(IServiceCollection s) { s.Configure<IdentityOptions>(o => { o.Password.RequiredLength = ; o.Lockout. }); s.AddIdentity<,>(o => o.Password.RequiredLength = "x"); } }
            """),
        new Case("cookie_options_broken", """
            using Microsoft.AspNetCore.Http; class C { void M(HttpResponse r) { r.Cookies.Append("id", , new CookieOptions { Secure = , HttpOnly = false, SameSite = SameSiteMode. }); } }
            """),
        new Case("logging_broken", """
            using Microsoft.Extensions.Logging; class C { ILogger<C> log; void M(string password) { log.LogInformation("pw {p}", password, ; log.Log(; } }
            """),
        new Case("generic_and_pointer_oddities", """
            unsafe class C<T> where T : unmanaged { T* p; void M<U>(U u) where U : System.Data.IDbCommand { u.CommandText = u.ToString() + p->ToString(); } delegate*<int, void> f; }
            """),
        new Case("deep_concatenation", "class C { void M(System.Data.Common.DbCommand c, string v) { c.CommandText = \"\"" + string.Concat(Enumerable.Repeat(" + v", 3000)) + "; } }"),
        new Case("deep_parentheses", "class C { string M(string v) => " + new string('(', 500) + "v" + new string(')', 500) + "; }"),
        new Case("huge_literal", "class C { const string Password = \"" + new string('x', 200_000) + "\"; string url = \"http://" + new string('a', 100_000) + "\"; }"),
        new Case("nul_and_odd_chars", "class C { string Password = \"a\0b\"; string s = \"\uD800\"; }\0\0"),
        new Case("only_garbage", "}}}{{{ ;;; @@@ #if #endif \"\"\" class"),
        new Case("many_nested_lambdas", "class C { System.Func<string> M(string v) => " + string.Concat(Enumerable.Repeat("() => ", 200)) + "v; }"),
    };
}
