using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyKit.Bench;

/// <summary>
/// Writes a large, deterministic ASP.NET Core code base for the speed and memory runs: per module an EF entity set,
/// DTOs, an EF configuration, a DbContext, Dapper and ADO.NET repositories, a service with validation, an MVC
/// controller, minimal API endpoints and a Razor PageModel. Names, member counts and method shapes vary with the
/// seed; the same seed and size give byte-identical output.
/// </summary>
public sealed class CodebaseGenerator
{
    private static readonly string[] Nouns =
    {
        "Customer", "Invoice", "Shipment", "Product", "Supplier", "Warehouse", "Ticket", "Contract", "Payment", "Refund",
        "Coupon", "Review", "Booking", "Room", "Course", "Lesson", "Patient", "Appointment", "Vehicle", "Driver",
        "Route", "Parcel", "Employee", "Timesheet", "Project", "Milestone", "Asset", "License", "Subscription", "Plan",
        "Campaign", "Lead", "Opportunity", "Quote", "Tenant", "Lease", "Policy", "Claim", "Account", "Transfer",
    };

    private static readonly string[] Modules =
    {
        "Sales", "Billing", "Logistics", "Catalog", "Support", "Legal", "Hr", "Crm", "Facilities", "Insurance",
        "Learning", "Health", "Fleet", "Finance", "Marketing", "Realty", "Procurement", "Inventory", "Travel", "Media",
    };

    private static readonly (string Type, string Sql, string Sample)[] PropertyTypes =
    {
        ("string", "nvarchar(200)", "\"\""), ("int", "int", "0"), ("decimal", "decimal(18,2)", "0m"), ("DateTime", "datetime2", "DateTime.UnixEpoch"),
        ("bool", "bit", "false"), ("long", "bigint", "0L"), ("Guid", "uniqueidentifier", "Guid.Empty"), ("string?", "nvarchar(max)", "null"),
    };

    private static readonly string[] Adjectives =
    {
        "Primary", "Secondary", "External", "Internal", "Billing", "Shipping", "Legacy", "Preferred", "Requested", "Approved",
        "Expected", "Actual", "Original", "Current", "Target", "Reference", "Display", "Regional", "Local", "Global",
    };

    private static readonly string[] Attributes = { "Code", "Name", "Amount", "Date", "Status", "Count", "Note", "Rate", "Number", "Level" };

    private readonly Random _random;
    private int _lines;

    /// <summary>Creates a generator for <paramref name="seed"/>.</summary>
    public CodebaseGenerator(int seed) => _random = new Random(seed);

    /// <summary>Writes a project with at least <paramref name="targetLines"/> lines of C# to <paramref name="directory"/>; returns the line count.</summary>
    public int Write(string directory, int targetLines, string corpusDirectory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"),
            $"<Project>\n  <Import Project=\"{Path.Combine(corpusDirectory, "Directory.Build.props")}\" />\n</Project>\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"),
            $"<Project>\n  <Import Project=\"{Path.Combine(corpusDirectory, "Directory.Build.targets")}\" />\n</Project>\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        var csproj = File.ReadAllText(Path.Combine(corpusDirectory, "Corpus.csproj"))
            .Replace("<RootNamespace>Corpus</RootNamespace>", "<RootNamespace>Generated</RootNamespace>", StringComparison.Ordinal)
            .Replace("<OutputType>Exe</OutputType>", "<OutputType>Library</OutputType>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(directory, "Generated.csproj"), csproj);
        File.Copy(Path.Combine(corpusDirectory, "policykit.json"), Path.Combine(directory, "policykit.json"), overwrite: true);

        _lines = 0;
        var index = 0;
        while (_lines < targetLines)
        {
            var module = Modules[index % Modules.Length] + (index / Modules.Length == 0 ? "" : (index / Modules.Length).ToString(CultureInfo.InvariantCulture));
            WriteModule(Path.Combine(directory, module), module);
            index++;
        }

        return _lines;
    }

    private void WriteModule(string directory, string module)
    {
        Directory.CreateDirectory(directory);
        var nouns = Nouns.OrderBy(_ => _random.Next()).Take(_random.Next(4, 8)).ToList();
        var entities = nouns.Select(n => new Entity(n, Properties())).ToList();
        var ns = "Generated." + module;
        Emit(directory, "Entities.cs", Entities(ns, entities));
        Emit(directory, "Dtos.cs", Dtos(ns, entities));
        Emit(directory, module + "DbContext.cs", DbContext(ns, module, entities));
        foreach (var entity in entities)
        {
            Emit(directory, entity.Name + "Repository.cs", _random.Next(3) == 0 ? AdoRepository(ns, entity) : DapperRepository(ns, entity));
            Emit(directory, entity.Name + "Service.cs", Service(ns, module, entity));
            Emit(directory, entity.Name + "sController.cs", Controller(ns, entity));
        }

        Emit(directory, module + "Endpoints.cs", Endpoints(ns, module, entities));
        Emit(directory, module + "PageModel.cs", PageModel(ns, module, entities[0]));
    }

    private sealed record Entity(string Name, List<(string Type, string Name, string Sql, string Sample)> Properties);

    private List<(string Type, string Name, string Sql, string Sample)> Properties()
    {
        var count = _random.Next(4, 14);
        var list = new List<(string, string, string, string)>();
        var used = new HashSet<string>(StringComparer.Ordinal) { "Id" };
        while (list.Count < count)
        {
            var name = Adjectives[_random.Next(Adjectives.Length)] + Attributes[_random.Next(Attributes.Length)];
            if (!used.Add(name))
            {
                continue;
            }

            var type = PropertyTypes[_random.Next(PropertyTypes.Length)];
            list.Add((type.Type, name, type.Sql, type.Sample));
        }

        return list;
    }

    private void Emit(string directory, string file, string content)
    {
        File.WriteAllText(Path.Combine(directory, file), content);
        _lines += content.Count(c => c == '\n');
    }

    private static string Entities(string ns, List<Entity> entities)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.ComponentModel.DataAnnotations;\n");
        sb.AppendLine($"namespace {ns};\n");
        foreach (var e in entities)
        {
            sb.AppendLine($"public class {e.Name}\n{{\n    public int Id {{ get; set; }}\n");
            foreach (var p in e.Properties)
            {
                if (p.Type == "string")
                {
                    sb.AppendLine("    [MaxLength(200)]");
                }

                sb.AppendLine($"    public {p.Type} {p.Name} {{ get; set; }}{(p.Type == "string" ? " = \"\";" : "")}\n");
            }

            sb.AppendLine("    public DateTime CreatedAt { get; set; }\n\n    public DateTime? UpdatedAt { get; set; }\n}\n");
        }

        return sb.ToString();
    }

    private string Dtos(string ns, List<Entity> entities)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.ComponentModel.DataAnnotations;\n");
        sb.AppendLine($"namespace {ns};\n");
        foreach (var e in entities)
        {
            sb.AppendLine($"public sealed record {e.Name}Dto(int Id, {string.Join(", ", e.Properties.Select(p => p.Type + " " + p.Name))});\n");
            sb.AppendLine($"public sealed class Create{e.Name}Request\n{{");
            foreach (var p in e.Properties.Take(_random.Next(2, e.Properties.Count + 1)))
            {
                if (p.Type == "string")
                {
                    sb.AppendLine("    [Required]\n    [StringLength(200)]");
                }

                sb.AppendLine($"    public {p.Type} {p.Name} {{ get; set; }}{(p.Type == "string" ? " = \"\";" : "")}\n");
            }

            sb.AppendLine("}\n");
            sb.AppendLine($"public static class {e.Name}Mapping\n{{\n    public static {e.Name}Dto ToDto(this {e.Name} entity) =>\n        new(entity.Id, {string.Join(", ", e.Properties.Select(p => "entity." + p.Name))});\n}}\n");
        }

        return sb.ToString();
    }

    private static string DbContext(string ns, string module, List<Entity> entities)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Metadata.Builders;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"public class {module}DbContext : DbContext\n{{\n    public {module}DbContext(DbContextOptions<{module}DbContext> options) : base(options) {{ }}\n");
        foreach (var e in entities)
        {
            sb.AppendLine($"    public DbSet<{e.Name}> {e.Name}s => Set<{e.Name}>();\n");
        }

        sb.AppendLine("    protected override void OnModelCreating(ModelBuilder modelBuilder)\n    {");
        foreach (var e in entities)
        {
            sb.AppendLine($"        modelBuilder.ApplyConfiguration(new {e.Name}Configuration());");
        }

        sb.AppendLine("    }\n}\n");
        foreach (var e in entities)
        {
            sb.AppendLine($"internal sealed class {e.Name}Configuration : IEntityTypeConfiguration<{e.Name}>\n{{\n    public void Configure(EntityTypeBuilder<{e.Name}> builder)\n    {{");
            sb.AppendLine($"        builder.ToTable(\"{e.Name}s\");\n        builder.HasKey(x => x.Id);");
            foreach (var p in e.Properties)
            {
                sb.AppendLine($"        builder.Property(x => x.{p.Name}).HasColumnType(\"{p.Sql}\");");
            }

            sb.AppendLine("    }\n}\n");
        }

        return sb.ToString();
    }

    private string DapperRepository(string ns, Entity e)
    {
        var columns = string.Join(", ", new[] { "Id" }.Concat(e.Properties.Select(p => p.Name)));
        var filter = e.Properties[_random.Next(e.Properties.Count)];
        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Data;\nusing System.Linq;\nusing System.Threading.Tasks;\nusing Dapper;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"public sealed class {e.Name}Repository\n{{\n    private const string Columns = \"{columns}\";\n    private readonly IDbConnection _connection;\n");
        sb.AppendLine($"    public {e.Name}Repository(IDbConnection connection) => _connection = connection;\n");
        sb.AppendLine($"    public Task<{e.Name}?> GetAsync(int id) =>\n        _connection.QuerySingleOrDefaultAsync<{e.Name}>(\"SELECT \" + Columns + \" FROM {e.Name}s WHERE Id = @id\", new {{ id }});\n");
        sb.AppendLine($"    public async Task<IReadOnlyList<{e.Name}>> ListAsync(int skip, int take)\n    {{\n        var rows = await _connection.QueryAsync<{e.Name}>(\n            \"SELECT \" + Columns + \" FROM {e.Name}s ORDER BY Id OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY\",\n            new {{ skip, take }});\n        return rows.ToList();\n    }}\n");
        sb.AppendLine($"    public Task<IEnumerable<{e.Name}>> FindBy{filter.Name}Async({filter.Type} value) =>\n        _connection.QueryAsync<{e.Name}>(\"SELECT \" + Columns + \" FROM {e.Name}s WHERE {filter.Name} = @value\", new {{ value }});\n");
        var assignments = string.Join(", ", e.Properties.Select(p => $"{p.Name} = @{p.Name}"));
        sb.AppendLine($"    public Task<int> UpdateAsync({e.Name} entity, IDbTransaction? transaction = null) =>\n        _connection.ExecuteAsync(\"UPDATE {e.Name}s SET {assignments} WHERE Id = @Id\", entity, transaction);\n");
        sb.AppendLine($"    public Task<int> DeleteAsync(int id) => _connection.ExecuteAsync(\"DELETE FROM {e.Name}s WHERE Id = @id\", new {{ id }});\n");
        sb.AppendLine($"    public Task<int> CountAsync() => _connection.ExecuteScalarAsync<int>(\"SELECT COUNT(*) FROM {e.Name}s\");\n}}");
        return sb.ToString();
    }

    private string AdoRepository(string ns, Entity e)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Data;\nusing System.Threading.Tasks;\nusing Microsoft.Data.SqlClient;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"public class {e.Name}Repository\n{{\n    private readonly string _connectionString;\n\n    public {e.Name}Repository(string connectionString) => _connectionString = connectionString;\n");
        sb.AppendLine($"    public async Task<List<{e.Name}>> ListAsync()\n    {{\n        var result = new List<{e.Name}>();\n        await using var connection = new SqlConnection(_connectionString);\n        await connection.OpenAsync();\n        await using var command = new SqlCommand(\"SELECT * FROM {e.Name}s\", connection);\n        await using var reader = await command.ExecuteReaderAsync();\n        while (await reader.ReadAsync())\n        {{\n            result.Add(Map(reader));\n        }}\n\n        return result;\n    }}\n");
        sb.AppendLine($"    public async Task<{e.Name}?> GetAsync(int id)\n    {{\n        await using var connection = new SqlConnection(_connectionString);\n        await connection.OpenAsync();\n        await using var command = connection.CreateCommand();\n        command.CommandText = \"SELECT * FROM {e.Name}s WHERE Id = @id\";\n        command.Parameters.Add(new SqlParameter(\"@id\", SqlDbType.Int) {{ Value = id }});\n        await using var reader = await command.ExecuteReaderAsync();\n        return await reader.ReadAsync() ? Map(reader) : null;\n    }}\n");
        sb.AppendLine($"    private static {e.Name} Map(SqlDataReader reader) => new()\n    {{\n        Id = reader.GetInt32(reader.GetOrdinal(\"Id\")),");
        foreach (var p in e.Properties)
        {
            var getter = p.Type switch
            {
                "string" => $"reader.GetString(reader.GetOrdinal(\"{p.Name}\"))",
                "string?" => $"reader.IsDBNull(reader.GetOrdinal(\"{p.Name}\")) ? null : reader.GetString(reader.GetOrdinal(\"{p.Name}\"))",
                "int" => $"reader.GetInt32(reader.GetOrdinal(\"{p.Name}\"))",
                "decimal" => $"reader.GetDecimal(reader.GetOrdinal(\"{p.Name}\"))",
                "DateTime" => $"reader.GetDateTime(reader.GetOrdinal(\"{p.Name}\"))",
                "bool" => $"reader.GetBoolean(reader.GetOrdinal(\"{p.Name}\"))",
                "long" => $"reader.GetInt64(reader.GetOrdinal(\"{p.Name}\"))",
                _ => $"reader.GetGuid(reader.GetOrdinal(\"{p.Name}\"))",
            };
            sb.AppendLine($"        {p.Name} = {getter},");
        }

        sb.AppendLine("    };\n}");
        return sb.ToString();
    }

    private string Service(string ns, string module, Entity e)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System;\nusing System.Collections.Generic;\nusing System.Linq;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.EntityFrameworkCore;\nusing Microsoft.Extensions.Logging;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"public interface I{e.Name}Service\n{{\n    Task<{e.Name}Dto?> GetAsync(int id, CancellationToken cancellationToken);\n\n    Task<IReadOnlyList<{e.Name}Dto>> SearchAsync(string? term, int page, CancellationToken cancellationToken);\n\n    Task<int> CreateAsync(Create{e.Name}Request request, CancellationToken cancellationToken);\n}}\n");
        sb.AppendLine($"public sealed class {e.Name}Service : I{e.Name}Service\n{{\n    private const int PageSize = {_random.Next(10, 100)};\n    private readonly {module}DbContext _db;\n    private readonly ILogger<{e.Name}Service> _logger;\n");
        sb.AppendLine($"    public {e.Name}Service({module}DbContext db, ILogger<{e.Name}Service> logger)\n    {{\n        _db = db;\n        _logger = logger;\n    }}\n");
        sb.AppendLine($"    public async Task<{e.Name}Dto?> GetAsync(int id, CancellationToken cancellationToken)\n    {{\n        var entity = await _db.{e.Name}s.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);\n        if (entity is null)\n        {{\n            _logger.LogInformation(\"{e.Name} {{Id}} not found\", id);\n            return null;\n        }}\n\n        return entity.ToDto();\n    }}\n");
        var stringProp = e.Properties.FirstOrDefault(p => p.Type == "string");
        var where = stringProp.Name is null ? "" : $"\n        if (!string.IsNullOrWhiteSpace(term))\n        {{\n            query = query.Where(x => x.{stringProp.Name}.Contains(term));\n        }}\n";
        sb.AppendLine($"    public async Task<IReadOnlyList<{e.Name}Dto>> SearchAsync(string? term, int page, CancellationToken cancellationToken)\n    {{\n        var query = _db.{e.Name}s.AsNoTracking().AsQueryable();{where}\n        var rows = await query.OrderBy(x => x.Id).Skip(Math.Max(0, page) * PageSize).Take(PageSize).ToListAsync(cancellationToken);\n        return rows.Select(x => x.ToDto()).ToList();\n    }}\n");
        sb.AppendLine($"    public async Task<int> CreateAsync(Create{e.Name}Request request, CancellationToken cancellationToken)\n    {{\n        ArgumentNullException.ThrowIfNull(request);\n        var entity = new {e.Name}\n        {{\n            CreatedAt = DateTime.UtcNow,\n        }};\n        _db.{e.Name}s.Add(entity);\n        await _db.SaveChangesAsync(cancellationToken);\n        _logger.LogInformation(\"Created {e.Name} {{Id}}\", entity.Id);\n        return entity.Id;\n    }}\n");
        for (var i = 0; i < _random.Next(1, 4); i++)
        {
            var p = e.Properties[_random.Next(e.Properties.Count)];
            sb.AppendLine($"    public static bool IsValid{p.Name}{i}({p.Type} value)\n    {{\n        return {Validation(p.Type)};\n    }}\n");
        }

        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Validation(string type) => type switch
    {
        "string" or "string?" => "!string.IsNullOrWhiteSpace(value) && value.Length <= 200",
        "int" or "long" => "value >= 0",
        "decimal" => "value >= 0m && value < 1_000_000m",
        "DateTime" => "value > DateTime.UnixEpoch",
        "Guid" => "value != Guid.Empty",
        _ => "true",
    };

    private string Controller(string ns, Entity e)
    {
        var route = e.Name.ToLowerInvariant() + "s";
        var sb = new StringBuilder();
        sb.AppendLine("using System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"[ApiController]\n[Authorize]\n[Route(\"api/{route}\")]\npublic sealed class {e.Name}sController : ControllerBase\n{{\n    private readonly I{e.Name}Service _service;\n\n    public {e.Name}sController(I{e.Name}Service service) => _service = service;\n");
        sb.AppendLine($"    [HttpGet(\"{{id:int}}\")]\n    public async Task<ActionResult<{e.Name}Dto>> Get(int id, CancellationToken cancellationToken)\n    {{\n        var dto = await _service.GetAsync(id, cancellationToken);\n        return dto is null ? NotFound() : Ok(dto);\n    }}\n");
        sb.AppendLine($"    [HttpGet]\n    public async Task<IActionResult> Search([FromQuery] string? term, [FromQuery] int page = 0, CancellationToken cancellationToken = default) =>\n        Ok(await _service.SearchAsync(term, page, cancellationToken));\n");
        sb.AppendLine($"    [HttpPost]\n    [Authorize(Roles = \"{(_random.Next(2) == 0 ? "admin" : "editor")}\")]\n    public async Task<IActionResult> Create([FromBody] Create{e.Name}Request request, CancellationToken cancellationToken)\n    {{\n        if (!ModelState.IsValid)\n        {{\n            return ValidationProblem(ModelState);\n        }}\n\n        var id = await _service.CreateAsync(request, cancellationToken);\n        return CreatedAtAction(nameof(Get), new {{ id }}, null);\n    }}\n}}");
        return sb.ToString();
    }

    private static string Endpoints(string ns, string module, List<Entity> entities)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System.Threading;\nusing Microsoft.AspNetCore.Builder;\nusing Microsoft.AspNetCore.Http;\nusing Microsoft.AspNetCore.Routing;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"public static class {module}Endpoints\n{{\n    public static RouteGroupBuilder Map{module}(this IEndpointRouteBuilder app)\n    {{\n        var group = app.MapGroup(\"/api/{module.ToLowerInvariant()}\").RequireAuthorization();");
        foreach (var e in entities)
        {
            sb.AppendLine($"        group.MapGet(\"/{e.Name.ToLowerInvariant()}s/{{id:int}}\", async (int id, I{e.Name}Service service, CancellationToken ct) =>\n            await service.GetAsync(id, ct) is {{ }} dto ? Results.Ok(dto) : Results.NotFound());");
        }

        sb.AppendLine("        return group;\n    }\n}");
        return sb.ToString();
    }

    private static string PageModel(string ns, string module, Entity e)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using System.Collections.Generic;\nusing System.Threading;\nusing System.Threading.Tasks;\nusing Microsoft.AspNetCore.Authorization;\nusing Microsoft.AspNetCore.Mvc;\nusing Microsoft.AspNetCore.Mvc.RazorPages;\n");
        sb.AppendLine($"namespace {ns};\n");
        sb.AppendLine($"[Authorize]\npublic sealed class {module}IndexModel : PageModel\n{{\n    private readonly I{e.Name}Service _service;\n\n    public {module}IndexModel(I{e.Name}Service service) => _service = service;\n\n    [BindProperty(SupportsGet = true)]\n    public string? Term {{ get; set; }}\n\n    public IReadOnlyList<{e.Name}Dto> Items {{ get; private set; }} = new List<{e.Name}Dto>();\n");
        sb.AppendLine("    public async Task OnGetAsync(CancellationToken cancellationToken)\n    {\n        Items = await _service.SearchAsync(Term, 0, cancellationToken);\n    }\n}");
        return sb.ToString();
    }
}
