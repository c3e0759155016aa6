using System.Threading.Tasks;
using PolicyKit.Analyzers.Rules;
using PolicyKit.Analyzers.Tests.Infrastructure;
using Verify = PolicyKit.Analyzers.Tests.Infrastructure.PolicyVerifier<PolicyKit.Analyzers.Rules.PK5002PersonalDataWithoutRetentionAnalyzer>;

namespace PolicyKit.Analyzers.Tests.Rules;

public sealed class PK5002PersonalDataWithoutRetentionTests
{
    private const string NoPeriod = "the policy declares no retention period for it";

    private const string PersonalKeptAYear = """{ "retention": { "periods": [ { "dataClass": "personal", "maximumKeepDays": 365, "deletion": "delete" } ] } }""";

    private const string PersonalAndMyNumberKept = """
        { "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber"] } ],
          "retention": { "periods": [ { "dataClass": "personal", "maximumKeepDays": 365, "deletion": "delete" },
                                      { "dataClass": "mynumber", "maximumKeepDays": 2555, "deletion": "delete" } ] } }
        """;

    private const string Patients = """
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Patient
        {
            public int Id { get; set; }
            [PersonalData] public string {|#0:FullName|} { get; set; } = "";
            public bool Active { get; set; }
        }
        public class Ward { public int Id { get; set; } public string Name { get; set; } = ""; }
        public class ClinicContext(DbContextOptions<ClinicContext> options) : DbContext(options)
        {
            public DbSet<Patient> Patients => Set<Patient>();
            public DbSet<Ward> Wards => Set<Ward>();
        }
        """;

    private static Task Expect(string source, string entity, string dataClass, string reason, string? policy = null, int location = 0)
    {
        var test = PolicyVerifier<PK5002PersonalDataWithoutRetentionAnalyzer>.Create(source, policy);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(location).WithArguments(entity, dataClass, reason));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_dbset_entity_with_personal_data_when_no_period_is_declared() =>
        Expect(Patients, "Patient", "personal", NoPeriod);

    [Fact]
    public Task Ignores_the_same_entity_when_the_policy_keeps_personal_data_for_a_year() =>
        Verify.NoDiagnostic(Patients.Replace("{|#0:FullName|}", "FullName"), PersonalKeptAYear);

    [Fact]
    public Task Flags_an_identity_user_subclass_of_an_identity_db_context() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;
        public class {|#0:ApplicationUser|} : IdentityUser { public string? DisplayColour { get; set; } }
        public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options) { }
        """, "ApplicationUser", "personal", NoPeriod);

    [Fact]
    public Task Flags_an_entity_configured_with_model_builder() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Applicant { public int Id { get; set; } [ProtectedPersonalData] public string {|#0:Phone|} { get; set; } = ""; }
        public class HiringContext(DbContextOptions<HiringContext> options) : DbContext(options)
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Applicant>().HasKey(a => a.Id);
        }
        """, "Applicant", "personal", NoPeriod);

    [Fact]
    public Task Flags_an_entity_with_an_entity_type_configuration() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;
        public class Tenant { public int Id { get; set; } [PersonalData] public string {|#0:ContactName|} { get; set; } = ""; }
        public class TenantConfiguration : IEntityTypeConfiguration<Tenant>
        {
            public void Configure(EntityTypeBuilder<Tenant> builder) => builder.ToTable("Tenants");
        }
        """, "Tenant", "personal", NoPeriod);

    [Fact]
    public Task Flags_a_member_named_by_the_policy_whose_class_has_no_period() => Expect("""
        using Microsoft.EntityFrameworkCore;
        public class TaxFiling { public int Id { get; set; } public string {|#0:MyNumber|} { get; set; } = ""; }
        public class TaxContext(DbContextOptions<TaxContext> options) : DbContext(options) { public DbSet<TaxFiling> Filings => Set<TaxFiling>(); }
        """, "TaxFiling", "mynumber", NoPeriod, """
        { "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber"] } ],
          "retention": { "periods": [ { "dataClass": "personal", "maximumKeepDays": 365, "deletion": "delete" } ] } }
        """);

    [Fact]
    public Task Flags_a_customer_entity_when_the_policy_keeps_only_my_number_data() => Expect("""
        using System;
        using System.ComponentModel.DataAnnotations;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Customer
        {
            public int Id { get; set; }
            [PersonalData, MaxLength(200)] public string {|#0:Email|} { get; set; } = "";
            [PersonalData] public string? PhoneNumber { get; set; }
            public DateTime CreatedAt { get; set; }
        }
        public class ShopDbContext : DbContext
        {
            public ShopDbContext(DbContextOptions<ShopDbContext> options) : base(options) { }
            public DbSet<Customer> Customers { get; set; } = null!;
        }
        """, "Customer", "personal", NoPeriod, """
        { "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber"] } ],
          "retention": { "periods": [ { "dataClass": "mynumber", "maximumKeepDays": 2555, "deletion": "delete" } ] } }
        """);

    [Fact]
    public Task Flags_an_identity_user_with_role_and_key_type_arguments_at_its_own_personal_data() => Expect("""
        using System;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;
        public class StaffUser : IdentityUser<Guid>
        {
            [PersonalData] public DateOnly {|#0:BirthDate|} { get; set; }
            [PersonalData] public string Department { get; set; } = "";
        }
        public class StaffRole : IdentityRole<Guid> { }
        public class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser, StaffRole, Guid>(options) { }
        """, "StaffUser", "personal", NoPeriod);

    [Fact]
    public Task Flags_a_bank_account_member_when_only_personal_data_has_a_period() => Expect("""
        using Microsoft.EntityFrameworkCore;
        public class Employee
        {
            public int Id { get; set; }
            public string {|#0:BankAccountNumber|} { get; set; } = "";
            public string DisplayName { get; set; } = "";
        }
        public class PayrollContext(DbContextOptions<PayrollContext> options) : DbContext(options)
        {
            public DbSet<Employee> Employees => Set<Employee>();
        }
        """, "Employee", "financial", NoPeriod, """
        { "dataClasses": [ { "name": "financial", "memberNames": ["BankAccountNumber", "CreditCardNumber"] } ],
          "retention": { "periods": [ { "dataClass": "personal", "maximumKeepDays": 365, "deletion": "delete" } ] } }
        """);

    [Fact]
    public Task Ignores_the_same_member_when_its_class_has_a_period() => Verify.NoDiagnostic("""
        using Microsoft.EntityFrameworkCore;
        public class TaxFiling { public int Id { get; set; } public string MyNumber { get; set; } = ""; }
        public class TaxContext(DbContextOptions<TaxContext> options) : DbContext(options) { public DbSet<TaxFiling> Filings => Set<TaxFiling>(); }
        """, PersonalAndMyNumberKept);

    [Fact]
    public Task Flags_one_diagnostic_per_data_class()
    {
        var test = PolicyVerifier<PK5002PersonalDataWithoutRetentionAnalyzer>.Create("""
            using Microsoft.AspNetCore.Identity;
            using Microsoft.EntityFrameworkCore;
            public class Citizen { public int Id { get; set; } [PersonalData] public string {|#0:Name|} { get; set; } = ""; public string {|#1:MyNumber|} { get; set; } = ""; }
            public class CityContext(DbContextOptions<CityContext> options) : DbContext(options) { public DbSet<Citizen> Citizens => Set<Citizen>(); }
            """, """{ "dataClasses": [ { "name": "mynumber", "memberNames": ["MyNumber"] } ] }""");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(0).WithArguments("Citizen", "personal", NoPeriod));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic().WithLocation(1).WithArguments("Citizen", "mynumber", NoPeriod));
        return test.RunAsync();
    }

    [Fact]
    public Task Flags_a_type_named_by_the_policy() => Expect("""
        using Microsoft.EntityFrameworkCore;
        public class {|#0:MedicalRecord|} { public int Id { get; set; } public string Diagnosis { get; set; } = ""; }
        public class HealthContext(DbContextOptions<HealthContext> options) : DbContext(options) { public DbSet<MedicalRecord> Records => Set<MedicalRecord>(); }
        """, "MedicalRecord", "health", NoPeriod, """{ "dataClasses": [ { "name": "health", "typeNames": ["MedicalRecord"] } ] }""");

    [Fact]
    public Task Flags_a_classified_attribute_declared_by_the_policy() => Expect("""
        using System;
        using Microsoft.EntityFrameworkCore;
        [AttributeUsage(AttributeTargets.Property)] public sealed class Classified : Attribute { }
        public class Contract { public int Id { get; set; } [Classified] public string {|#0:Terms|} { get; set; } = ""; }
        public class LegalContext(DbContextOptions<LegalContext> options) : DbContext(options) { public DbSet<Contract> Contracts => Set<Contract>(); }
        """, "Contract", "secret", NoPeriod, """{ "dataClasses": [ { "name": "secret", "attributes": ["ClassifiedAttribute"] } ] }""");

    [Fact]
    public Task Flags_a_declared_period_with_no_deletion_path_in_an_application_that_writes_the_entity() => Expect("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class {|#0:Lead|} { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class LeadService(CrmContext db)
        {
            public async Task Capture(Lead lead) { db.Leads.Add(lead); await db.SaveChangesAsync(); }
        }
        """, "Lead", "personal", "nothing in this project deletes or anonymises it although the policy keeps it at most 365 days", PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_the_entity_is_removed_from_its_dbset() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class LeadService(CrmContext db)
        {
            public async Task Capture(Lead lead) { db.Leads.Add(lead); await db.SaveChangesAsync(); }
            public async Task Forget(Lead lead) { db.Leads.Remove(lead); await db.SaveChangesAsync(); }
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_execute_delete_purges_old_rows() => Verify.NoDiagnostic("""
        using System;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; public DateTime Created { get; set; } }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class RetentionJob(CrmContext db)
        {
            public async Task Capture(Lead lead) { db.Leads.Add(lead); await db.SaveChangesAsync(); }
            public Task<int> Run() => db.Leads.Where(l => l.Created < DateTime.UtcNow.AddDays(-365)).ExecuteDeleteAsync();
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_the_user_manager_deletes_users() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;
        public class ApplicationUser : IdentityUser { }
        public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options) { }
        public class AccountCloser(UserManager<ApplicationUser> users, AppDbContext db)
        {
            public async Task Close(ApplicationUser user) { await users.DeleteAsync(user); await db.SaveChangesAsync(); }
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_an_anonymise_method_takes_the_entity() => Verify.NoDiagnostic("""
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class LeadService(CrmContext db)
        {
            public async Task Capture(Lead lead) { db.Leads.Add(lead); await db.SaveChangesAsync(); }
            public static void Anonymise(Lead lead) => lead.Email = "";
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_a_generic_repository_can_remove_any_entity() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class Repository<T>(CrmContext db) where T : class
        {
            public void Add(T entity) { db.Set<T>().Add(entity); db.SaveChanges(); }
            public void Delete(T entity) { db.Set<T>().Remove(entity); db.SaveChanges(); }
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_when_raw_sql_deletes_from_the_table() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class Cleanup(CrmContext db)
        {
            public void Add(Lead lead) { db.Add(lead); db.SaveChanges(); }
            public int Run() => db.Database.ExecuteSqlRaw("DELETE FROM Leads WHERE Created < DATEADD(day, -365, GETUTCDATE())");
        }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_a_declared_period_in_a_model_library_that_never_writes() => Verify.NoDiagnostic(
        Patients.Replace("{|#0:FullName|}", "FullName"), PersonalKeptAYear);

    [Fact]
    public Task Ignores_entities_without_classified_members() => Verify.NoDiagnostic("""
        using Microsoft.EntityFrameworkCore;
        public class Product { public int Id { get; set; } public string Name { get; set; } = ""; public decimal Price { get; set; } }
        public class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options) { public DbSet<Product> Products => Set<Product>(); }
        """);

    [Fact]
    public Task Ignores_personal_data_classes_that_are_not_entities() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        public class RegisterViewModel { [PersonalData] public string Email { get; set; } = ""; }
        """);

    [Fact]
    public Task Ignores_an_entity_whose_only_marked_members_are_ids_and_flags() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Consent { [PersonalData] public int Id { get; set; } [PersonalData] public bool Accepted { get; set; } }
        public class ConsentContext(DbContextOptions<ConsentContext> options) : DbContext(options) { public DbSet<Consent> Consents => Set<Consent>(); }
        """);

    [Fact]
    public Task Ignores_a_default_identity_context_whose_user_type_is_not_in_source() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore;
        public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext(options) { }
        """);

    [Fact]
    public Task Ignores_a_declared_period_with_a_legal_hold() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Lead { public int Id { get; set; } [PersonalData] public string Email { get; set; } = ""; }
        public class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options) { public DbSet<Lead> Leads => Set<Lead>(); }
        public class LeadService(CrmContext db) { public void Add(Lead lead) { db.Add(lead); db.SaveChanges(); } }
        """, """{ "retention": { "periods": [ { "dataClass": "personal", "maximumKeepDays": 365, "legalHold": true, "deletion": "delete" } ] } }""");

    [Fact]
    public Task Flags_an_entity_through_the_personal_data_of_an_owned_attribute_type() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        [Owned]
        public class PostalAddress { [PersonalData] public string {|#0:Street|} { get; set; } = ""; public string Country { get; set; } = "JP"; }
        public class Member { public int Id { get; set; } public PostalAddress Home { get; set; } = new(); }
        public class ClubContext(DbContextOptions<ClubContext> options) : DbContext(options) { public DbSet<Member> Members => Set<Member>(); }
        """, "Member", "personal", NoPeriod);

    [Fact]
    public Task Flags_an_entity_whose_owned_collection_is_configured_with_owns_many() => Expect("""
        using System.Collections.Generic;
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Contact { [ProtectedPersonalData] public string {|#0:Phone|} { get; set; } = ""; }
        public class Vendor { public int Id { get; set; } public List<Contact> Contacts { get; set; } = new(); }
        public class PurchasingContext(DbContextOptions<PurchasingContext> options) : DbContext(options)
        {
            protected override void OnModelCreating(ModelBuilder modelBuilder) =>
                modelBuilder.Entity<Vendor>().OwnsMany(v => v.Contacts);
        }
        """, "Vendor", "personal", NoPeriod);

    [Fact]
    public Task Flags_an_entity_whose_nested_owned_type_is_configured_with_owns_one() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Metadata.Builders;
        public class GeoPoint { [PersonalData] public double {|#0:Latitude|} { get; set; } }
        public class DeliveryAddress { public string City { get; set; } = ""; public GeoPoint? Pin { get; set; } }
        public class Parcel { public int Id { get; set; } public DeliveryAddress To { get; set; } = new(); }
        public class ParcelConfiguration : IEntityTypeConfiguration<Parcel>
        {
            public void Configure(EntityTypeBuilder<Parcel> builder) =>
                builder.OwnsOne(p => p.To, to => to.OwnsOne(a => a.Pin));
        }
        """, "Parcel", "personal", NoPeriod);

    [Fact]
    public Task Flags_a_navigation_target_on_its_own_entity_and_not_again_on_the_entity_that_refers_to_it() => Expect("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        public class Person { public int Id { get; set; } [PersonalData] public string {|#0:Name|} { get; set; } = ""; }
        public class Booking { public int Id { get; set; } public int PersonId { get; set; } public Person? Person { get; set; } }
        public class BookingContext(DbContextOptions<BookingContext> options) : DbContext(options)
        {
            public DbSet<Booking> Bookings => Set<Booking>();
            public DbSet<Person> People => Set<Person>();
        }
        """, "Person", "personal", NoPeriod);

    [Fact]
    public Task Ignores_an_owned_type_with_personal_data_when_the_policy_keeps_it() => Verify.NoDiagnostic("""
        using Microsoft.AspNetCore.Identity;
        using Microsoft.EntityFrameworkCore;
        [Owned]
        public class PostalAddress { [PersonalData] public string Street { get; set; } = ""; }
        public class Member { public int Id { get; set; } public PostalAddress Home { get; set; } = new(); }
        public class ClubContext(DbContextOptions<ClubContext> options) : DbContext(options) { public DbSet<Member> Members => Set<Member>(); }
        """, PersonalKeptAYear);

    [Fact]
    public Task Ignores_an_owned_type_that_holds_no_classified_data() => Verify.NoDiagnostic("""
        using Microsoft.EntityFrameworkCore;
        [Owned]
        public class Money { public decimal Amount { get; set; } public string Currency { get; set; } = "JPY"; }
        public class Product { public int Id { get; set; } public Money Price { get; set; } = new(); }
        public class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options) { public DbSet<Product> Products => Set<Product>(); }
        """);
}
