using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK3005ErrorDetailsShownAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

/// <summary>PK3005 on problem-details customisation, SignalR hub exceptions, non-production branches and validation messages.</summary>
public sealed class PK3005ErrorDetailsShownMoreTests
{
    [Fact]
    public Task Flags_the_developer_page_outside_production_only() => Verify.Analyzer("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.Extensions.Hosting;

        public static class Pipeline
        {
            public static void Configure(WebApplication app)
            {
                if (!app.Environment.IsProduction())
                {
                    [|app.UseDeveloperExceptionPage()|];
                }

                if (app.Environment.IsProduction())
                {
                    app.UseExceptionHandler("/Error");
                }
                else
                {
                    [|app.UseDeveloperExceptionPage()|];
                }
            }
        }
        """);

    [Fact]
    public Task Flags_exception_text_added_to_every_problem_response() => Verify.Analyzer("""
        using Microsoft.Extensions.DependencyInjection;

        public static class Errors
        {
            public static void Add(IServiceCollection services) =>
                services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
                    context.ProblemDetails.Extensions["stack"] = [|context.Exception?.StackTrace|]);
        }
        """);

    [Fact]
    public Task Ignores_a_correlation_id_added_to_problem_responses() => Verify.NoDiagnostic("""
        using Microsoft.Extensions.DependencyInjection;

        public static class Errors
        {
            public static void Add(IServiceCollection services) =>
                services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
                {
                    context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
                    context.ProblemDetails.Extensions["kind"] = context.Exception?.GetType().Name;
                });
        }
        """);

    [Fact]
    public Task Flags_exception_text_thrown_to_a_signalr_caller() => Verify.Analyzer("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;

        public sealed class OrdersHub : Hub
        {
            public async Task Place(string order)
            {
                try
                {
                    await Clients.Caller.SendAsync("placed", order);
                }
                catch (InvalidOperationException failure)
                {
                    throw new HubException("Could not place: " + [|failure.Message|]);
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_a_fixed_hub_exception_message() => Verify.NoDiagnostic("""
        using System;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.SignalR;

        public sealed class OrdersHub : Hub
        {
            public async Task Place(string order)
            {
                try
                {
                    await Clients.Caller.SendAsync("placed", order);
                }
                catch (InvalidOperationException)
                {
                    throw new HubException("The order could not be placed.");
                }
            }
        }
        """);

    [Fact]
    public Task Ignores_a_validation_message_written_for_the_user() => Verify.NoDiagnostic("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ImportController : Controller
        {
            [HttpPost]
            [ValidateAntiForgeryToken]
            public IActionResult Upload(int rows)
            {
                try
                {
                    Validator.ValidateValue(rows, new ValidationContext(rows), new[] { new RangeAttribute(1, 500) });
                    return Ok();
                }
                catch (ValidationException invalid)
                {
                    ViewData["Problem"] = invalid.Message;
                    return View();
                }
            }
        }
        """);

    [Fact]
    public Task Flags_the_full_text_of_a_validation_exception() => Verify.Analyzer("""
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Mvc;

        public sealed class ImportController : Controller
        {
            [HttpPost]
            [ValidateAntiForgeryToken]
            public IActionResult Upload(int rows)
            {
                try
                {
                    Validator.ValidateValue(rows, new ValidationContext(rows), new[] { new RangeAttribute(1, 500) });
                    return Ok();
                }
                catch (ValidationException invalid)
                {
                    ViewData["Problem"] = [|invalid.ToString()|];
                    return View();
                }
            }
        }
        """);
}
