using System.Threading.Tasks;
using Authorization = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK3002EndpointWithoutAuthorizationAnalyzer>;
using ErrorDetails = PolicyKit.Analyzers.Tests.Catalog.ReportedShapeVerifier<PolicyKit.Analyzers.Rules.PK3005ErrorDetailsShownAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Catalog;

/// <summary>
/// Access-control and error-handling shapes from peers' trackers (PK3002, PK3005): authorization applied where
/// name-based queries do not look (a global filter, a derived attribute, a base class, an authentication scheme) and a
/// developer exception page guarded through a local.
/// </summary>
public sealed class ReportedShapesAccess
{
    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/15253", "CodeQL cs/web/missing-function-level-access-control",
        ReportedAs.FalsePositive, "actions reported although AddControllers registers a global AuthorizeFilter")]
    public Task Ignores_actions_under_a_global_authorize_filter() => Authorization.Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.Authorization;
        using Microsoft.Extensions.DependencyInjection;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers(options => options.Filters.Add(new AuthorizeFilter()));
        var app = builder.Build();
        app.UseAuthorization();
        app.MapControllers();
        app.Run();

        [ApiController, Route("api/invoices")]
        public class InvoicesController : ControllerBase
        {
            [HttpDelete("{id:int}")]
            public IActionResult Delete(int id) => NoContent();
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/19279", "CodeQL cs/web/missing-function-level-access-control",
        ReportedAs.FalsePositive, "a custom attribute deriving from AuthorizeAttribute not recognised")]
    public Task Ignores_an_attribute_derived_from_authorize() => Authorization.Silent("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public sealed class RequirePermissionAttribute : AuthorizeAttribute
        {
            public RequirePermissionAttribute(string permission) => Policy = "permission:" + permission;
        }

        [ApiController, Route("api/pricing")]
        public class PricingController : ControllerBase
        {
            [RequirePermission("ManagePricing")]
            [HttpDelete("{extraId:int}/rates/{rateId:int}")]
            public IActionResult DeleteRate(int extraId, int rateId) => NoContent();
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/14478", "CodeQL cs/web/missing-function-level-access-control",
        ReportedAs.FalsePositive, "[Authorize] on an abstract base controller not applied to the derived controller")]
    public Task Ignores_actions_of_a_controller_whose_base_is_authorized() => Authorization.Silent("""
        using System;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize, Route("api/[controller]")]
        public abstract class SecuredApiController : ControllerBase { }

        public class StationsController : SecuredApiController
        {
            [HttpDelete("{id}")]
            public IActionResult Delete(Guid id) => NoContent();
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/github/codeql/issues/21042", "CodeQL cs/web/missing-function-level-access-control",
        ReportedAs.FalsePositive, "an [AllowAnonymous] action whose name merely contains \"Edit\" reported")]
    public Task Ignores_an_allow_listed_anonymous_action_named_like_an_edit() => Authorization.SilentUnder(
        // PolicyKit judges anonymous access by the policy's allow-list, never by words in the action's name.
        policy: """{ "accessControl": { "anonymousAllowList": ["/api/catalog/editions"] } }""",
        source: """
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [ApiController, Route("api/catalog")]
        public class CatalogController : ControllerBase
        {
            [AllowAnonymous]
            [HttpGet("editions")]
            public Task<IActionResult> EditionsAsync() => Task.FromResult<IActionResult>(Ok(new[] { "2024", "2025" }));
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/semgrep/semgrep-rules/issues/3665", "Semgrep missing-or-broken-authorization",
        ReportedAs.FalsePositive, "[Authorize(AuthenticationSchemes = \"Basic\")] not treated like [Authorize]")]
    public Task Ignores_authorize_with_an_authentication_scheme() => Authorization.Silent("""
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize(AuthenticationSchemes = "Basic")]
        [ApiController, Route("api/telemetry")]
        public class TelemetryController : ControllerBase
        {
            [HttpPost]
            public IActionResult Upload([FromBody] string reading) => Accepted();
        }
        """);

    [Fact]
    [ReportedShape("https://github.com/SonarSource/sonar-dotnet/issues/5032", "SonarC# S4507",
        ReportedAs.FalsePositive, "UseDeveloperExceptionPage guarded by an IsDevelopment() result held in a local")]
    public Task Ignores_the_developer_page_guarded_through_a_local() => ErrorDetails.Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.Extensions.Hosting;

        public class Startup
        {
            public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
            {
                var isDevelopmentEnvironment = env.IsDevelopment();
                if (isDevelopmentEnvironment)
                {
                    app.UseDeveloperExceptionPage();
                }
                else
                {
                    app.UseExceptionHandler("/Error");
                }
            }
        }
        """);
}
