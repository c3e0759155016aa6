using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK1009InsecureDirectObjectReferenceAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK1009InsecureDirectObjectReferenceTests
{
    /// <summary>An EF Core model with owned records (Order, Invoice, Note) and a public one (Product).</summary>
    private const string Model = """
        using Microsoft.EntityFrameworkCore;

        public class Order { public int Id { get; set; } public string UserId { get; set; } = ""; public decimal Total { get; set; } }
        public class Invoice { public System.Guid Id { get; set; } public int TenantId { get; set; } public string Number { get; set; } = ""; }
        public class Note { public long Id { get; set; } public string OwnerId { get; set; } = ""; public string Text { get; set; } = ""; }
        public class Product { public int Id { get; set; } public string Name { get; set; } = ""; }

        public class ShopDb : DbContext
        {
            public ShopDb(DbContextOptions<ShopDb> options) : base(options) { }
            public DbSet<Order> Orders => Set<Order>();
            public DbSet<Invoice> Invoices => Set<Invoice>();
            public DbSet<Note> Notes => Set<Note>();
            public DbSet<Product> Products => Set<Product>();
        }
        """;

    private static Task Run(string source, int expected, string? name = null, string? id = null, string? access = null, params (string Name, string Code)[] files)
    {
        var test = Verify.Create(source);
        test.TestState.Sources.Add(("Model.cs", Model));
        foreach (var file in files)
        {
            test.TestState.Sources.Add(file);
        }

        if (source.Contains("WebApplication.Create"))
        {
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
        }

        if (expected == 1)
        {
            test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments(name!, id!, access!).WithSeverity(DiagnosticSeverity.Info));
        }

        return test.RunAsync(CancellationToken.None);
    }

    private static Task Flags(string source, string name, string id, string access, params (string Name, string Code)[] files) =>
        Run(source, 1, name, id, access, files);

    private static Task Silent(string source, params (string Name, string Code)[] files) => Run(source, 0, files: files);

    // ---- Flagged ------------------------------------------------------------------------------------------------

    [Fact]
    public Task Flags_find_async_by_a_route_id_in_a_controller() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize]
        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            public async Task<IActionResult> Details(int id)
            {
                var order = await {|#0:_db.Orders.FindAsync(id)|};
                return order is null ? NotFound() : View(order);
            }
        }
        """, "OrdersController.Details", "id", "Order.FindAsync");

    [Fact]
    public Task Flags_first_or_default_async_comparing_only_the_key() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        [ApiController]
        [Route("api/invoices")]
        public class InvoicesApi : ControllerBase
        {
            private readonly ShopDb _db;
            public InvoicesApi(ShopDb db) => _db = db;

            [HttpGet("{invoiceId}")]
            public async Task<ActionResult<Invoice>> Get(System.Guid invoiceId) =>
                await {|#0:_db.Invoices.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invoiceId)|} is { } invoice ? invoice : NotFound();
        }
        """, "InvoicesApi.Get", "invoiceId", "Invoice.FirstOrDefaultAsync");

    [Fact]
    public Task Flags_where_then_single_or_default_in_a_razor_page() => Flags("""
        using System.Linq;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class NoteModel : PageModel
        {
            private readonly ShopDb _db;
            public NoteModel(ShopDb db) => _db = db;
            public Note? Note { get; private set; }

            public void OnGet(long id) => Note = {|#0:_db.Notes.Where(n => n.Id == id).SingleOrDefault()|};
        }
        """, "NoteModel.OnGet", "id", "Note.SingleOrDefault");

    [Fact]
    public Task Flags_execute_delete_by_id_in_a_minimal_api() => Flags("""
        using System.Linq;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;
        using Microsoft.EntityFrameworkCore;

        var app = WebApplication.Create(args);
        app.MapDelete("/orders/{id}", async (int id, ShopDb db) =>
        {
            await {|#0:db.Orders.Where(o => o.Id == id).ExecuteDeleteAsync()|};
            return Results.NoContent();
        }).RequireAuthorization();
        app.Run();
        """, "MapDelete(\"/orders/{id}\")", "id", "Order.ExecuteDeleteAsync");

    [Fact]
    public Task Flags_find_with_a_bound_page_property() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        public class DeleteModel : PageModel
        {
            private readonly ShopDb _db;
            public DeleteModel(ShopDb db) => _db = db;

            [BindProperty(SupportsGet = true)] public int OrderId { get; set; }

            public async Task<IActionResult> OnPostAsync()
            {
                var order = await {|#0:_db.Orders.FindAsync(OrderId)|};
                if (order is not null)
                {
                    _db.Orders.Remove(order);
                    await _db.SaveChangesAsync();
                }

                return RedirectToPage("Index");
            }
        }
        """, "DeleteModel.OnPostAsync", "OrderId", "Order.FindAsync");

    [Fact]
    public Task Flags_a_dapper_query_with_the_id_as_its_parameter() => Flags("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public class NotesController : ControllerBase
        {
            private readonly SqlConnection _connection;
            public NotesController(SqlConnection connection) => _connection = connection;

            [HttpGet("notes/{id}")]
            public async Task<IActionResult> Get(long id) =>
                Ok(await {|#0:_connection.QuerySingleOrDefaultAsync<Note>("select * from Notes where Id = @id", new { id })|});
        }
        """, "NotesController.Get", "id", "Note.QuerySingleOrDefaultAsync");

    [Fact]
    public Task Flags_an_update_by_id_with_a_plain_authorize_attribute() => Flags("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class NotesController : Controller
        {
            private readonly ShopDb _db;
            public NotesController(ShopDb db) => _db = db;

            [HttpPost, Authorize]
            public async Task<IActionResult> Edit(long id, string text)
            {
                await {|#0:_db.Notes.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, text))|};
                return RedirectToAction("Index");
            }
        }
        """, "NotesController.Edit", "id", "Note.ExecuteUpdateAsync");

    [Fact]
    public Task Flags_a_query_string_id_read_in_a_minimal_api_group() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        var orders = app.MapGroup("/orders").RequireAuthorization();
        orders.MapGet("/show", (int orderId, ShopDb db) => {|#0:db.Orders.Find(orderId)|} is { } o ? Results.Ok(o) : Results.NotFound());
        app.Run();
        """, "MapGet(\"/show\")", "orderId", "Order.Find");

    [Fact]
    public Task Flags_an_id_passed_to_a_service_in_another_file() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : Controller
        {
            private readonly OrderService _orders;
            public OrdersController(OrderService orders) => _orders = orders;

            public async Task<IActionResult> Details(int id) => View(await {|#0:_orders.GetAsync(id)|});
        }
        """, "OrdersController.Details", "id", "OrderService.GetAsync → Order.FindAsync",
        ("OrderService.cs", """
        using System.Threading.Tasks;

        public class OrderService
        {
            private readonly ShopDb _db;
            public OrderService(ShopDb db) => _db = db;
            public async Task<Order?> GetAsync(int orderId) => await _db.Orders.FindAsync(orderId);
        }
        """));

    [Fact]
    public Task Flags_an_id_passed_through_an_interface_to_a_repository_in_another_file() => Flags("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/invoices/{id}", (System.Guid id, IInvoiceStore store) => Results.Ok({|#0:store.Load(id)|}));
        app.Run();
        """, "MapGet(\"/invoices/{id}\")", "id", "IInvoiceStore.Load → Invoice.FirstOrDefault",
        ("InvoiceStore.cs", """
        using System.Linq;

        public interface IInvoiceStore { Invoice? Load(System.Guid id); }

        public sealed class InvoiceStore : IInvoiceStore
        {
            private readonly ShopDb _db;
            public InvoiceStore(ShopDb db) => _db = db;
            public Invoice? Load(System.Guid id) => _db.Invoices.FirstOrDefault(i => i.Id == id);
        }
        """));

    // ---- Silent ---------------------------------------------------------------------------------------------------

    [Fact]
    public Task Ignores_a_predicate_that_also_filters_by_the_current_user() => Silent("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            public async Task<IActionResult> Details(int id)
            {
                var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == userId);
                return order is null ? NotFound() : View(order);
            }
        }
        """);

    [Fact]
    public Task Ignores_an_owner_check_after_the_load() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            private readonly UserManager<IdentityUser> _users;
            public OrdersController(ShopDb db, UserManager<IdentityUser> users) => (_db, _users) = (db, users);

            public async Task<IActionResult> Details(int id)
            {
                var order = await _db.Orders.FindAsync(id);
                if (order is null || order.UserId != _users.GetUserId(User))
                {
                    return NotFound();
                }

                return View(order);
            }
        }
        """);

    [Fact]
    public Task Ignores_an_authorize_async_call_on_the_loaded_resource() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc.RazorPages;
        using Microsoft.AspNetCore.Mvc;

        public class NoteModel : PageModel
        {
            private readonly ShopDb _db;
            private readonly IAuthorizationService _authorization;
            public NoteModel(ShopDb db, IAuthorizationService authorization) => (_db, _authorization) = (db, authorization);
            public Note? Note { get; private set; }

            public async Task<IActionResult> OnGetAsync(long id)
            {
                Note = await _db.Notes.FindAsync(id);
                if (Note is null || !(await _authorization.AuthorizeAsync(User, Note, "NoteOwner")).Succeeded)
                {
                    return NotFound();
                }

                return Page();
            }
        }
        """);

    [Fact]
    public Task Ignores_an_endpoint_restricted_to_a_policy() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        [Authorize(Policy = "Admin")]
        public class AdminOrdersController : Controller
        {
            private readonly ShopDb _db;
            public AdminOrdersController(ShopDb db) => _db = db;

            public async Task<IActionResult> Details(int id) => View(await _db.Orders.FindAsync(id));
        }
        """);

    [Fact]
    public Task Ignores_an_action_restricted_to_a_role() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class InvoicesController : Controller
        {
            private readonly ShopDb _db;
            public InvoicesController(ShopDb db) => _db = db;

            [Authorize(Roles = "Accounting")]
            public async Task<IActionResult> Show(System.Guid id) => View(await _db.Invoices.FindAsync(id));
        }
        """);

    [Fact]
    public Task Ignores_a_minimal_api_requiring_a_named_policy() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        var admin = app.MapGroup("/admin").RequireAuthorization("Admin");
        admin.MapGet("/orders/{id}", (int id, ShopDb db) => Results.Ok(db.Orders.Find(id)));
        app.MapGet("/notes/{id}", (long id, ShopDb db) => Results.Ok(db.Notes.Find(id))).RequireAuthorization("Support");
        app.Run();
        """);

    [Fact]
    public Task Ignores_records_that_belong_to_nobody() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class ProductsController : Controller
        {
            private readonly ShopDb _db;
            public ProductsController(ShopDb db) => _db = db;

            public async Task<IActionResult> Details(int? id) => View(await _db.Products.FirstOrDefaultAsync(m => m.Id == id));
        }
        """);

    [Fact]
    public Task Ignores_a_key_that_is_not_request_input() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : Controller
        {
            private readonly ShopDb _db;
            public OrdersController(ShopDb db) => _db = db;

            [HttpPost]
            public async Task<IActionResult> Create([FromBody] Order order)
            {
                _db.Orders.Add(order);
                await _db.SaveChangesAsync();
                return View(await _db.Orders.FindAsync(order.Id));
            }
        }
        """);

    [Fact]
    public Task Ignores_a_service_given_the_current_user() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class OrdersController : Controller
        {
            private readonly OrderService _orders;
            public OrdersController(OrderService orders) => _orders = orders;

            public async Task<IActionResult> Details(int id) => View(await _orders.GetAsync(id, User));
        }
        """,
        ("OrderService.cs", """
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.EntityFrameworkCore;

        public class OrderService
        {
            private readonly ShopDb _db;
            public OrderService(ShopDb db) => _db = db;
            public Task<Order?> GetAsync(int id, ClaimsPrincipal user) =>
                _db.Orders.FirstOrDefaultAsync(o => o.Id == id && o.UserId == user.FindFirstValue(ClaimTypes.NameIdentifier));
        }
        """));

    [Fact]
    public Task Ignores_a_service_that_filters_by_an_injected_current_user() => Silent("""
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Http;

        var app = WebApplication.Create(args);
        app.MapGet("/notes/{id}", (long id, NoteStore store) => Results.Ok(store.Load(id))).RequireAuthorization();
        app.Run();
        """,
        ("NoteStore.cs", """
        using System.Linq;

        public interface ICurrentUser { string Id { get; } }

        public sealed class NoteStore
        {
            private readonly ShopDb _db;
            private readonly ICurrentUser _user;
            public NoteStore(ShopDb db, ICurrentUser user) => (_db, _user) = (db, user);
            public Note? Load(long id) => _db.Notes.SingleOrDefault(n => n.Id == id && n.OwnerId == _user.Id);
        }
        """));

    [Fact]
    public Task Ignores_an_entity_scoped_by_a_global_query_filter() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        public class TenantInvoicesController : Controller
        {
            private readonly TenantDb _db;
            public TenantInvoicesController(TenantDb db) => _db = db;

            public async Task<IActionResult> Show(System.Guid id) => View(await _db.Invoices.FindAsync(id));
        }
        """, TenantDb);

    [Fact]
    public Task Flags_a_route_id_parsed_into_a_local_before_the_lookup() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        public class OrderLookupController : ControllerBase
        {
            private readonly ShopDb _db;
            public OrderLookupController(ShopDb db) => _db = db;

            [HttpGet("orders/{id}")]
            public async Task<IActionResult> Get(string id)
            {
                var orderId = int.Parse(id);
                return Ok(await {|#0:_db.Orders.FindAsync(orderId)|});
            }
        }
        """, "OrderLookupController.Get", "id", "Order.FindAsync");

    [Fact]
    public Task Ignores_a_parsed_id_that_is_checked_against_the_caller() => Silent("""
        using System.Security.Claims;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        [ApiController]
        public class MyOrderController : ControllerBase
        {
            private readonly ShopDb _db;
            public MyOrderController(ShopDb db) => _db = db;

            [HttpGet("my/orders/{id}")]
            public async Task<IActionResult> Get(string id)
            {
                var orderId = int.Parse(id);
                var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
                return Ok(await _db.Orders.FirstOrDefaultAsync(o => o.Id == orderId && o.UserId == userId));
            }
        }
        """);

    [Fact]
    public Task Flags_a_lookup_that_turns_the_global_query_filter_off() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        public class TenantInvoicesController : Controller
        {
            private readonly TenantDb _db;
            public TenantInvoicesController(TenantDb db) => _db = db;

            public async Task<IActionResult> Show(System.Guid id) =>
                View(await {|#0:_db.Invoices.IgnoreQueryFilters().FirstOrDefaultAsync(i => i.Id == id)|});
        }
        """, "TenantInvoicesController.Show", "id", "Invoice.FirstOrDefaultAsync", TenantDb);

    private const string TenantDbCode = """
        using Microsoft.EntityFrameworkCore;

        public interface ITenantProvider { int TenantId { get; } }

        public class TenantDb : DbContext
        {
            private readonly ITenantProvider _tenant;
            public TenantDb(DbContextOptions<TenantDb> options, ITenantProvider tenant) : base(options) => _tenant = tenant;
            public DbSet<Invoice> Invoices => Set<Invoice>();
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Invoice>().HasQueryFilter(i => i.TenantId == _tenant.TenantId);
        }
        """;

    private static readonly (string Name, string Code) TenantDb = ("TenantDb.cs", TenantDbCode);

    [Fact]
    public Task Ignores_lookups_outside_endpoints() => Silent("""
        using System.Threading.Tasks;

        public class OrderJob
        {
            private readonly ShopDb _db;
            public OrderJob(ShopDb db) => _db = db;
            public async Task<decimal> TotalOf(int orderId) => (await _db.Orders.FindAsync(orderId))?.Total ?? 0m;
        }
        """);

    [Fact]
    public Task Flags_a_dapper_scalar_read_from_the_table_of_an_owned_record() => Flags("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public class NoteTextController(SqlConnection connection) : ControllerBase
        {
            [HttpGet("notes/{id}/text")]
            public async Task<IActionResult> Text(long id) =>
                Ok(await {|#0:connection.QuerySingleOrDefaultAsync<string>("SELECT [Text] FROM [dbo].[Notes] WHERE Id = @id", new { id })|});
        }
        """, "NoteTextController.Text", "id", "Note.QuerySingleOrDefaultAsync");

    [Fact]
    public Task Ignores_a_dapper_scalar_read_from_a_table_of_records_that_belong_to_nobody() => Silent("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;

        public class ProductNamesController(SqlConnection connection) : ControllerBase
        {
            [HttpGet("products/{id}/name")]
            public async Task<IActionResult> Name(int id) =>
                Ok(await connection.QuerySingleOrDefaultAsync<string>("SELECT Name FROM Products WHERE Id = @id", new { id }));
        }
        """);

    [Fact]
    public Task Flags_a_projection_of_an_owned_record_loaded_by_its_key() => Flags("""
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.EntityFrameworkCore;

        [Authorize]
        public class OrderTotalsController(ShopDb db) : Controller
        {
            [HttpGet("orders/{id}/total")]
            public async Task<IActionResult> Total(int id) =>
                Json(await {|#0:db.Orders.Where(o => o.Id == id).Select(o => o.Total).SingleAsync()|});
        }
        """, "OrderTotalsController.Total", "id", "Order.SingleAsync");

    [Fact]
    public Task Flags_an_action_whose_roles_admit_every_customer() => Flags("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class MyOrdersController(ShopDb db) : Controller
        {
            [Authorize(Roles = "Support, Customers")]
            public async Task<IActionResult> Show(int id) => View(await {|#0:db.Orders.FindAsync(id)|});
        }
        """, "MyOrdersController.Show", "id", "Order.FindAsync");

    [Fact]
    public Task Ignores_an_action_whose_roles_are_all_staff_roles() => Silent("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Authorization;
        using Microsoft.AspNetCore.Mvc;

        public class SupportOrdersController(ShopDb db) : Controller
        {
            [Authorize(Roles = "SupportAgent,Administrator")]
            public async Task<IActionResult> Show(int id) => View(await db.Orders.FindAsync(id));
        }
        """);

    [Fact]
    public Task Flags_a_dapper_read_from_the_table_a_db_set_property_names() => Flags("""
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.Data.SqlClient;
        using Microsoft.EntityFrameworkCore;

        public class StoredCard { public int Id { get; set; } public string UserId { get; set; } = ""; public string Last4 { get; set; } = ""; }
        public class WalletDb(DbContextOptions<WalletDb> options) : DbContext(options) { public DbSet<StoredCard> Wallet => Set<StoredCard>(); }

        public class WalletController(SqlConnection connection) : ControllerBase
        {
            [HttpGet("wallet/{cardId}")]
            public async Task<IActionResult> Last4(int cardId) =>
                Ok(await {|#0:connection.QueryFirstAsync<string>("select Last4 from wallet where Id = @cardId", new { cardId })|});
        }
        """, "WalletController.Last4", "cardId", "StoredCard.QueryFirstAsync");
}
