// BENCHMARK SHIMS, not Microsoft code. The package mirror serves the .NET Framework reference assemblies (System.Web,
// System.Data, System.Configuration …) but not Microsoft.AspNet.Mvc 5, Microsoft.AspNet.WebApi 2 or EntityFramework 6.
// This file declares the types the corpus uses with their real namespaces, names and member signatures (parameter
// names included), so that every tool binds the corpus to the same symbols it would see in the real assemblies.
// Bodies are placeholders. See README.md, "Limitations".
#pragma warning disable
namespace System.Web.Mvc
{
    using System.Collections.Specialized;
    using System.IO;
    using System.Security.Principal;
    using System.Text;
    using System.Web;
    using System.Web.Routing;

    public abstract class ActionResult { }
    public class EmptyResult : ActionResult { }
    public class ViewResult : ActionResult { }
    public class PartialViewResult : ActionResult { }
    public class ContentResult : ActionResult
    {
        public string Content { get; set; }
        public string ContentType { get; set; }
        public Encoding ContentEncoding { get; set; }
    }
    public enum JsonRequestBehavior { AllowGet = 0, DenyGet = 1 }
    public class JsonResult : ActionResult
    {
        public object Data { get; set; }
        public JsonRequestBehavior JsonRequestBehavior { get; set; }
    }
    public class RedirectResult : ActionResult
    {
        public RedirectResult(string url) { }
        public RedirectResult(string url, bool permanent) { }
        public string Url { get; }
    }
    public class RedirectToRouteResult : ActionResult { }
    public class HttpStatusCodeResult : ActionResult { public HttpStatusCodeResult(int statusCode) { } public HttpStatusCodeResult(int statusCode, string statusDescription) { } }
    public class HttpNotFoundResult : HttpStatusCodeResult { public HttpNotFoundResult() : base(404) { } }
    public abstract class FileResult : ActionResult
    {
        protected FileResult(string contentType) { }
        public string FileDownloadName { get; set; }
    }
    public class FilePathResult : FileResult { public FilePathResult(string fileName, string contentType) : base(contentType) { } }
    public class FileContentResult : FileResult { public FileContentResult(byte[] fileContents, string contentType) : base(contentType) { } }
    public class FileStreamResult : FileResult { public FileStreamResult(Stream fileStream, string contentType) : base(contentType) { } }

    public class UrlHelper
    {
        public virtual bool IsLocalUrl(string url) { return false; }
        public virtual string Action(string actionName) { return null; }
        public virtual string Action(string actionName, string controllerName) { return null; }
        public virtual string Action(string actionName, object routeValues) { return null; }
        public virtual string Content(string contentPath) { return null; }
    }

    public class MvcHtmlString : HtmlString
    {
        public MvcHtmlString(string value) : base(value) { }
        public static MvcHtmlString Create(string value) { return null; }
        public static readonly MvcHtmlString Empty = null;
    }
    public class HtmlHelper
    {
        public IHtmlString Raw(string value) { return null; }
        public IHtmlString Raw(object value) { return null; }
        public string Encode(string value) { return null; }
        public string AttributeEncode(string value) { return null; }
    }
    public class ViewDataDictionary : System.Collections.Generic.Dictionary<string, object> { }

    public class FormCollection : NameValueCollection { }

    public abstract class ControllerBase
    {
        public ViewDataDictionary ViewData { get; set; }
        public dynamic ViewBag { get { return null; } }
    }

    public abstract class Controller : ControllerBase, IDisposable
    {
        public HttpContextBase HttpContext { get { return null; } }
        public HttpRequestBase Request { get { return null; } }
        public HttpResponseBase Response { get { return null; } }
        public HttpServerUtilityBase Server { get { return null; } }
        public HttpSessionStateBase Session { get { return null; } }
        public UrlHelper Url { get; set; }
        public IPrincipal User { get { return null; } }
        public RouteData RouteData { get { return null; } }
        protected internal ViewResult View() { return null; }
        protected internal ViewResult View(object model) { return null; }
        protected internal ViewResult View(string viewName) { return null; }
        protected internal ViewResult View(string viewName, object model) { return null; }
        protected internal PartialViewResult PartialView(string viewName, object model) { return null; }
        protected internal ContentResult Content(string content) { return null; }
        protected internal ContentResult Content(string content, string contentType) { return null; }
        protected internal virtual ContentResult Content(string content, string contentType, Encoding contentEncoding) { return null; }
        protected internal JsonResult Json(object data) { return null; }
        protected internal JsonResult Json(object data, JsonRequestBehavior behavior) { return null; }
        protected internal FileContentResult File(byte[] fileContents, string contentType) { return null; }
        protected internal FileStreamResult File(Stream fileStream, string contentType) { return null; }
        protected internal FilePathResult File(string fileName, string contentType) { return null; }
        protected internal virtual FilePathResult File(string fileName, string contentType, string fileDownloadName) { return null; }
        protected internal virtual RedirectResult Redirect(string url) { return null; }
        protected internal virtual RedirectResult RedirectPermanent(string url) { return null; }
        protected internal RedirectToRouteResult RedirectToAction(string actionName) { return null; }
        protected internal RedirectToRouteResult RedirectToAction(string actionName, string controllerName) { return null; }
        protected internal RedirectToRouteResult RedirectToAction(string actionName, object routeValues) { return null; }
        protected internal HttpNotFoundResult HttpNotFound() { return null; }
        protected internal bool TryUpdateModel<TModel>(TModel model) where TModel : class { return false; }
        public void Dispose() { }
    }

    public interface IMvcFilter { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public abstract class FilterAttribute : Attribute, IMvcFilter { public int Order { get; set; } }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
    public class AuthorizeAttribute : FilterAttribute { public string Roles { get; set; } public string Users { get; set; } }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class AllowAnonymousAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class ValidateAntiForgeryTokenAttribute : FilterAttribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
    public class HandleErrorAttribute : FilterAttribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public class RequireHttpsAttribute : FilterAttribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public class ValidateInputAttribute : FilterAttribute { public ValidateInputAttribute(bool enableValidation) { } }
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = true)]
    public sealed class AllowHtmlAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public abstract class ActionMethodSelectorAttribute : Attribute { }
    public sealed class HttpGetAttribute : ActionMethodSelectorAttribute { }
    public sealed class HttpPostAttribute : ActionMethodSelectorAttribute { }
    public sealed class HttpPutAttribute : ActionMethodSelectorAttribute { }
    public sealed class HttpDeleteAttribute : ActionMethodSelectorAttribute { }
    public sealed class NonActionAttribute : ActionMethodSelectorAttribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = false)]
    public sealed class ChildActionOnlyAttribute : FilterAttribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class RouteAttribute : Attribute { public RouteAttribute(string template) { } }

    public sealed class GlobalFilterCollection
    {
        public void Add(object filter) { }
        public void Add(object filter, int order) { }
    }
    public static class GlobalFilters { public static GlobalFilterCollection Filters { get { return null; } } }
}

namespace System.Web.Http
{
    using System.Net;
    using System.Net.Http;
    using System.Security.Principal;
    using System.Web.Http.Filters;

    public interface IHttpActionResult { }
    public abstract class ApiController : IDisposable
    {
        public HttpRequestMessage Request { get; set; }
        public IPrincipal User { get { return null; } }
        protected internal virtual IHttpActionResult Ok() { return null; }
        protected internal virtual IHttpActionResult Ok<T>(T content) { return null; }
        protected internal virtual IHttpActionResult NotFound() { return null; }
        protected internal virtual IHttpActionResult BadRequest() { return null; }
        protected internal virtual IHttpActionResult BadRequest(string message) { return null; }
        protected internal virtual IHttpActionResult InternalServerError(Exception exception) { return null; }
        protected internal virtual IHttpActionResult StatusCode(HttpStatusCode status) { return null; }
        protected internal virtual IHttpActionResult Content<T>(HttpStatusCode statusCode, T value) { return null; }
        protected internal virtual IHttpActionResult Redirect(string location) { return null; }
        protected internal virtual IHttpActionResult Redirect(Uri location) { return null; }
        protected internal IHttpActionResult Json<T>(T content) { return null; }
        public void Dispose() { }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true, AllowMultiple = true)]
    public class AuthorizeAttribute : AuthorizationFilterAttribute { public string Roles { get; set; } public string Users { get; set; } }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class AllowAnonymousAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class HttpGetAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class HttpPostAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class HttpPutAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
    public sealed class HttpDeleteAttribute : Attribute { }
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
    public sealed class RouteAttribute : Attribute { public RouteAttribute(string template) { } }
    [AttributeUsage(AttributeTargets.Class)]
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
    using System.Threading.Tasks;

    public class DbRawSqlQuery<TElement> : IEnumerable<TElement>
    {
        public IEnumerator<TElement> GetEnumerator() { return null; }
        IEnumerator IEnumerable.GetEnumerator() { return null; }
        public Task<List<TElement>> ToListAsync() { return null; }
        public TElement FirstOrDefault() { return default(TElement); }
    }
    public class DbSqlQuery<TEntity> : DbRawSqlQuery<TEntity> where TEntity : class
    {
        public DbSqlQuery<TEntity> AsNoTracking() { return this; }
    }
}

namespace System.Data.Entity
{
    using System.Collections;
    using System.Collections.Generic;
    using System.Data.Entity.Infrastructure;
    using System.Linq;
    using System.Linq.Expressions;
    using System.Threading.Tasks;

    public enum TransactionalBehavior { EnsureTransaction = 0, DoNotEnsureTransaction = 1 }
    public class Database
    {
        public DbRawSqlQuery<TElement> SqlQuery<TElement>(string sql, params object[] parameters) { return null; }
        public int ExecuteSqlCommand(string sql, params object[] parameters) { return 0; }
        public int ExecuteSqlCommand(TransactionalBehavior transactionalBehavior, string sql, params object[] parameters) { return 0; }
        public Task<int> ExecuteSqlCommandAsync(string sql, params object[] parameters) { return null; }
    }
    public class DbSet<TEntity> : IQueryable<TEntity> where TEntity : class
    {
        public DbSqlQuery<TEntity> SqlQuery(string sql, params object[] parameters) { return null; }
        public TEntity Find(params object[] keyValues) { return null; }
        public TEntity Add(TEntity entity) { return null; }
        public TEntity Remove(TEntity entity) { return null; }
        public Type ElementType { get { return typeof(TEntity); } }
        public Expression Expression { get { return null; } }
        public IQueryProvider Provider { get { return null; } }
        public IEnumerator<TEntity> GetEnumerator() { return null; }
        IEnumerator IEnumerable.GetEnumerator() { return null; }
    }
    public class DbContext : IDisposable
    {
        protected DbContext() { }
        public DbContext(string nameOrConnectionString) { }
        public Database Database { get { return null; } }
        public virtual int SaveChanges() { return 0; }
        public void Dispose() { }
    }
}
