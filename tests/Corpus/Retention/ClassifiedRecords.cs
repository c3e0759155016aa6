using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.ComponentModel.DataAnnotations;
using Corpus.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Retention;

public sealed record LabResult(int Id, [property: HealthData] string Result, DateOnly TakenOn); // vuln:PK5002 positional record property classified as health

public sealed record LabOrder(int Id, [property: PersonalData] string PatientName, string TestCode, DateOnly OrderedOn); // safe:PK5002 personal class retained

public sealed record StoredCardToken(int Id, string Token, [property: FinancialData] string MaskedPan, int ExpiryMonth); // vuln:PK5002 financial property of a record

public sealed class Insurance
{
    public int Id { get; set; }

    [HealthData]
    public string? PreExistingConditions { get; set; } // vuln:PK5002 health data, attribute on its own line

    [PersonalData]
    public string PolicyHolder { get; set; } = ""; // safe:PK5002 personal class retained

    [FinancialData, MaxLength(34)]
    public required string PremiumAccount { get; init; } // vuln:PK5002 financial data with other attributes

    public string Plan { get; set; } = "basic"; // safe:PK5002 unclassified
}

public abstract class ClinicalRecord
{
    public int Id { get; set; }

    [HealthData]
    public string ClinicianNotes { get; set; } = ""; // vuln:PK5002 inherited by every clinical record

    public DateTime RecordedAt { get; set; } // safe:PK5002 unclassified
}

public sealed class Vaccination : ClinicalRecord
{
    [HealthData] public string Vaccine { get; set; } = ""; // vuln:PK5002 health data on a derived type

    public string Site { get; set; } = "left arm"; // safe:PK5002 unclassified
}

// A record type that adds no health data of its own: its finding can only be the inherited ClinicianNotes above.
public sealed class TriageNote : ClinicalRecord
{
    public string Ward { get; set; } = ""; // safe:PK5002 unclassified
}

public sealed class AllergyRecord : ClinicalRecord
{
    [HealthData] public string Allergen { get; set; } = ""; // vuln:PK5002#allergy-health health data

    [HealthData] public string Severity { get; set; } = ""; // vuln:PK5002#allergy-health (one finding per entity and class) second health property

    public bool Verified { get; set; } // safe:PK5002 unclassified
}

public partial class Invoice
{
    public int Id { get; set; }

    [FinancialData] public decimal AmountDue { get; set; } // vuln:PK5002#invoice-financial (one finding per entity and class) financial data in a partial class

    public string Currency { get; set; } = "JPY"; // safe:PK5002 unclassified
}

public partial class Invoice
{
    [FinancialData] public string? PaymentReference { get; set; } // vuln:PK5002#invoice-financial (one finding per entity and class) financial data in the other part

    [ProtectedPersonalData] public string BillingName { get; set; } = ""; // safe:PK5002 personal class retained
}

public sealed class Customer : ApplicationUser
{
    [FinancialData] public decimal CreditLimit { get; set; } // vuln:PK5002 financial data on the Identity user

    [PersonalData] public DateOnly? BirthDate { get; set; } // safe:PK5002 personal class retained

    [ProtectedPersonalData] public string? NationalId { get; set; } // safe:PK5002 protected personal class retained

    public string PreferredLanguage { get; set; } = "ja"; // safe:PK5002 unclassified
}

[Owned]
public sealed class BankDetails
{
    [FinancialData] public string AccountNumber { get; set; } = ""; // vuln:PK5002#bank-financial (one finding per entity and class) owned type's financial data

    [FinancialData] public string BranchCode { get; set; } = ""; // vuln:PK5002#bank-financial (one finding per entity and class) financial data

    public string BankName { get; set; } = ""; // safe:PK5002 unclassified
}

public sealed class Supplier
{
    public int Id { get; set; }

    public BankDetails Bank { get; set; } = new(); // safe:PK5002 navigation, classification lives on the owned type

    [PersonalData] public string ContactPerson { get; set; } = ""; // safe:PK5002 personal class retained
}

public sealed class Refund
{
    public int Id { get; set; }

    [FinancialData] public decimal Amount { get; init; } // vuln:PK5002#refund-financial (one finding per entity and class) init-only financial data

    [FinancialData] public string? CardLast4 { get; private set; } // vuln:PK5002#refund-financial (one finding per entity and class) private setter

    public string Reason { get; set; } = ""; // safe:PK5002 unclassified
}

public sealed class SymptomCheck
{
    public Guid Id { get; set; }

    [HealthData] public List<string> Symptoms { get; set; } = new(); // vuln:PK5002#symptom-health (one finding per entity and class) health data collection

    [HealthData] public int? PainScore { get; set; } // vuln:PK5002#symptom-health (one finding per entity and class) numeric health data

    [PersonalData] public string? ContactEmail { get; set; } // safe:PK5002 personal class retained
}

public sealed class PayrollRun
{
    public int Id { get; set; }

    [FinancialData] public decimal TotalNet { get; set; } // vuln:PK5002#payroll-financial (one finding per entity and class) payroll totals

    [FinancialData] public decimal TotalTax { get; set; } // vuln:PK5002#payroll-financial (one finding per entity and class) payroll totals

    public int EmployeeCount { get; set; } // safe:PK5002 unclassified count

    public DateOnly Period { get; set; } // safe:PK5002 unclassified
}

public sealed class MedicalLeave
{
    public int Id { get; set; }

    [PersonalData] public string EmployeeNumber { get; set; } = ""; // safe:PK5002 personal class retained

    [HealthData] public string? Reason { get; set; } // vuln:PK5002 reason for sick leave is health data

    public DateOnly From { get; set; } // safe:PK5002 unclassified

    public DateOnly To { get; set; } // safe:PK5002 unclassified
}

public sealed class Claim
{
    public int Id { get; set; }

    [HealthData] public string? InjuryDescription { get; set; } // vuln:PK5002#claim-health (one finding per entity and class) insurance claim injury details

    [FinancialData] public decimal Payout { get; set; } // vuln:PK5002#claim-financial (one finding per entity and class) payout amount

    [HealthData] public byte[]? MedicalReportPdf { get; set; } // vuln:PK5002#claim-health (one finding per entity and class) stored medical report

    [FinancialData] public string? PayoutIban { get; set; } // vuln:PK5002#claim-financial (one finding per entity and class) payout account

    [PersonalData] public string ClaimantName { get; set; } = ""; // safe:PK5002 personal class retained
}

public sealed class DentalChart
{
    public int Id { get; set; }

    [HealthData] public string ToothMap { get; set; } = ""; // vuln:PK5002 dental chart

    public DateOnly LastVisit { get; set; } // safe:PK5002 unclassified
}

public sealed class WalletTopUp
{
    public long Id { get; set; }

    [FinancialData] public decimal Balance { get; set; } // vuln:PK5002 stored wallet balance

    [PersonalData] public string OwnerEmail { get; set; } = ""; // safe:PK5002 personal class retained
}

public sealed class Prescriber
{
    public int Id { get; set; }

    private string _licence = "";

    [HealthData]
    public string Speciality { get => _licence; set => _licence = value; } // vuln:PK5002 property with a backing field
}

public sealed record DonationPledge
{
    public int Id { get; init; }

    [FinancialData] public decimal MonthlyAmount { get; init; } // vuln:PK5002 record class with init properties

    public string Campaign { get; init; } = ""; // safe:PK5002 unclassified
}

public static class RetentionJobs
{
    public static Task<int> PurgeLabOrdersAsync(ShopRetentionContext db, DateTime now) =>
        db.LabOrders.Where(o => o.OrderedOn < DateOnly.FromDateTime(now.AddDays(-2555))).ExecuteDeleteAsync(); // deletion path for LabOrder (personal, 2555 days)
}

public sealed class FitnessGoal
{
    public int Id { get; set; }

    [HealthData] public decimal? WeightKg { get; set; } // vuln:PK5002 body weight

    public string Goal { get; set; } = ""; // safe:PK5002 unclassified
}

public sealed class TaxReturnUpload
{
    public int Id { get; set; }

    [FinancialData] public byte[] Document { get; set; } = []; // vuln:PK5002 uploaded tax return

    public DateTime UploadedAt { get; set; } // safe:PK5002 unclassified
}

public sealed class LoanApplication
{
    public int Id { get; set; }

    [FinancialData] public decimal AnnualIncome { get; set; } // vuln:PK5002 declared income

    [PersonalData] public string ApplicantName { get; set; } = ""; // safe:PK5002 personal class retained
}

public sealed class TherapyNote
{
    public int Id { get; set; }

    [HealthData] public string Summary { get; set; } = ""; // vuln:PK5002 therapy session notes
}

public sealed class ShopRetentionContext(DbContextOptions<ShopRetentionContext> options) : DbContext(options)
{
    public DbSet<Insurance> Insurances => Set<Insurance>(); // safe:PK5002 a DbSet is not a classified property

    public DbSet<Vaccination> Vaccinations => Set<Vaccination>(); // safe:PK5002 a DbSet is not a classified property

    public DbSet<AllergyRecord> Allergies => Set<AllergyRecord>();

    public DbSet<TriageNote> TriageNotes => Set<TriageNote>();

    public DbSet<LabResult> LabResults => Set<LabResult>();

    public DbSet<LabOrder> LabOrders => Set<LabOrder>();

    public DbSet<StoredCardToken> CardTokens => Set<StoredCardToken>();

    public DbSet<Invoice> Invoices => Set<Invoice>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Supplier> Suppliers => Set<Supplier>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<SymptomCheck> SymptomChecks => Set<SymptomCheck>();

    public DbSet<PayrollRun> PayrollRuns => Set<PayrollRun>();

    public DbSet<MedicalLeave> MedicalLeaves => Set<MedicalLeave>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<DentalChart> DentalCharts => Set<DentalChart>();

    public DbSet<WalletTopUp> WalletTopUps => Set<WalletTopUp>();

    public DbSet<Prescriber> Prescribers => Set<Prescriber>();

    public DbSet<DonationPledge> DonationPledges => Set<DonationPledge>();

    public DbSet<FitnessGoal> FitnessGoals => Set<FitnessGoal>();

    public DbSet<TaxReturnUpload> TaxReturns => Set<TaxReturnUpload>();

    public DbSet<LoanApplication> LoanApplications => Set<LoanApplication>();

    public DbSet<TherapyNote> TherapyNotes => Set<TherapyNote>();
}
