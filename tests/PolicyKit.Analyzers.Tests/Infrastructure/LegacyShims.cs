namespace PolicyKit.Analyzers.Tests.Infrastructure;

/// <summary>
/// TEST SHIMS, not Microsoft code: API-shaped declarations of the ASP.NET MVC 5 (System.Web.Mvc), Web API 2
/// (System.Web.Http) and Entity Framework 6 (System.Data.Entity) types legacy test sources use. The mirror serves the
/// .NET Framework reference assemblies (System.Web, System.Data …) but not these packages, so only their namespaces,
/// metadata names and member signatures are reproduced here — the analyzers match by metadata name, so they see the
/// same symbols they would in the real assemblies. Bodies are placeholders.
/// </summary>
internal static class LegacyShims
{
    public const string Source = """
        // Test shims: API-shaped declarations of MVC 5, Web API 2 and EF6 types (not the real assemblies).
        namespace System.Web.Mvc
        {
            using System.Collections.Generic;
            using System.Web;

            public abstract class ActionResult { }
            public class ViewResult : ActionResult { }
            public class ContentResult : ActionResult { }
            public class JsonResult : ActionResult { }
            public class RedirectResult : ActionResult { public RedirectResult(string url) { } }
            public class RedirectToRouteResult : ActionResult { }
            public class HttpStatusCodeResult : ActionResult { public HttpStatusCodeResult(int statusCode) { } }
            public abstract class FileResult : ActionResult { }
            public class FilePathResult : FileResult { public FilePathResult(string fileName, string contentType) { } }
            public class FileContentResult : FileResult { public FileContentResult(byte[] fileContents, string contentType) { } }
            public class UrlHelper { public bool IsLocalUrl(string url) { return false; } }

            public abstract class ControllerBase { }
            public abstract class Controller : ControllerBase
            {
                public HttpRequestBase Request { get { return null; } }
                public HttpResponseBase Response { get { return null; } }
                public HttpServerUtilityBase Server { get { return null; } }
                public HttpSessionStateBase Session { get { return null; } }
                public UrlHelper Url { get { return null; } }
                protected internal ViewResult View() { return null; }
                protected internal ViewResult View(object model) { return null; }
                protected internal ViewResult View(string viewName, object model) { return null; }
                protected internal ContentResult Content(string content) { return null; }
                protected internal JsonResult Json(object data) { return null; }
                protected internal RedirectResult Redirect(string url) { return null; }
                protected internal FilePathResult File(string fileName, string contentType) { return null; }
                protected internal FileContentResult File(byte[] fileContents, string contentType) { return null; }
                protected internal RedirectToRouteResult RedirectToAction(string actionName) { return null; }
                protected internal ActionResult HttpNotFound() { return null; }
            }

            public interface IMvcFilter { }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
            public abstract class FilterAttribute : Attribute, IMvcFilter { }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
            public class AuthorizeAttribute : FilterAttribute { public string Roles { get; set; } public string Users { get; set; } }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
            public sealed class AllowAnonymousAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
            public sealed class ValidateAntiForgeryTokenAttribute : FilterAttribute { }
            public class HandleErrorAttribute : FilterAttribute { }
            public class RequireHttpsAttribute : FilterAttribute { }
            public class ValidateInputAttribute : FilterAttribute { public ValidateInputAttribute(bool enableValidation) { } }
            [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
            public sealed class AllowHtmlAttribute : Attribute { }
            public abstract class ActionMethodSelectorAttribute : Attribute { }
            public sealed class HttpGetAttribute : ActionMethodSelectorAttribute { }
            public sealed class HttpPostAttribute : ActionMethodSelectorAttribute { }
            public sealed class HttpPutAttribute : ActionMethodSelectorAttribute { }
            public sealed class HttpDeleteAttribute : ActionMethodSelectorAttribute { }
            public sealed class NonActionAttribute : ActionMethodSelectorAttribute { }

            public sealed class GlobalFilterCollection
            {
                public void Add(object filter) { }
                public void Add(object filter, int order) { }
            }
            public static class GlobalFilters { public static GlobalFilterCollection Filters { get { return null; } } }
        }

        namespace System.Web.Http
        {
            using System.Net.Http;
            using System.Web.Http.Filters;

            public interface IHttpActionResult { }
            public abstract class ApiController
            {
                public HttpRequestMessage Request { get; set; }
                protected internal virtual IHttpActionResult Ok() { return null; }
                protected internal virtual IHttpActionResult Ok<T>(T content) { return null; }
                protected internal virtual IHttpActionResult NotFound() { return null; }
                protected internal virtual IHttpActionResult BadRequest() { return null; }
                protected internal virtual IHttpActionResult Redirect(string location) { return null; }
            }

            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
            public class AuthorizeAttribute : AuthorizationFilterAttribute { public string Roles { get; set; } public string Users { get; set; } }
            [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
            public sealed class AllowAnonymousAttribute : Attribute { }
            public sealed class HttpGetAttribute : Attribute { }
            public sealed class HttpPostAttribute : Attribute { }
            public sealed class HttpPutAttribute : Attribute { }
            public sealed class HttpDeleteAttribute : Attribute { }
            public sealed class RouteAttribute : Attribute { public RouteAttribute(string template) { } }
            public sealed class RoutePrefixAttribute : Attribute { public RoutePrefixAttribute(string prefix) { } }
            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class FromBodyAttribute : Attribute { }
            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class FromUriAttribute : Attribute { }

            public class HttpConfiguration { public HttpFilterCollection Filters { get { return null; } } }
            public static class GlobalConfiguration
            {
                public static HttpConfiguration Configuration { get { return null; } }
                public static void Configure(Action<HttpConfiguration> configurationCallback) { }
            }
        }

        namespace System.Web.Http.Filters
        {
            public interface IFilter { }
            public abstract class FilterAttribute : Attribute, IFilter { }
            public abstract class AuthorizationFilterAttribute : FilterAttribute { }
            public sealed class HttpFilterCollection { public void Add(IFilter filter) { } }
        }

        namespace System.Data.Entity.Infrastructure
        {
            using System.Collections;
            using System.Collections.Generic;

            public class DbRawSqlQuery<TElement> : IEnumerable<TElement>
            {
                public IEnumerator<TElement> GetEnumerator() { return null; }
                IEnumerator IEnumerable.GetEnumerator() { return null; }
            }
            public class DbSqlQuery<TEntity> : DbRawSqlQuery<TEntity> where TEntity : class { }
        }

        namespace System.Data.Entity
        {
            using System.Data.Entity.Infrastructure;
            using System.Threading.Tasks;

            public class Database
            {
                public DbRawSqlQuery<TElement> SqlQuery<TElement>(string sql, params object[] parameters) { return null; }
                public int ExecuteSqlCommand(string sql, params object[] parameters) { return 0; }
                public Task<int> ExecuteSqlCommandAsync(string sql, params object[] parameters) { return null; }
            }
            public class DbSet<TEntity> where TEntity : class
            {
                public DbSqlQuery<TEntity> SqlQuery(string sql, params object[] parameters) { return null; }
                public TEntity Find(params object[] keyValues) { return null; }
                public TEntity Add(TEntity entity) { return null; }
            }
            public class DbContext : IDisposable
            {
                public DbContext(string nameOrConnectionString) { }
                public Database Database { get { return null; } }
                public int SaveChanges() { return 0; }
                public void Dispose() { }
            }
        }
        """;
}
