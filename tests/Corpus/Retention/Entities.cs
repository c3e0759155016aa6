using System;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Corpus.Retention;

[AttributeUsage(AttributeTargets.Property)]
public sealed class HealthDataAttribute : Attribute { }

[AttributeUsage(AttributeTargets.Property)]
public sealed class FinancialDataAttribute : Attribute { }

public class Patient
{
    public int Id { get; set; }
    [PersonalData] public string FullName { get; set; } = ""; // safe:PK5002 personal class has a retention period
    [HealthData] public string Diagnosis { get; set; } = ""; // vuln:PK5002 health class has no retention period
    public DateTime AdmittedAt { get; set; } // safe:PK5002 unclassified
}

public class Prescription
{
    public int Id { get; set; }
    [HealthData] public string Medication { get; set; } = ""; // vuln:PK5002 health data
    public int Quantity { get; set; } // safe:PK5002 unclassified
}

public class BankAccount
{
    public int Id { get; set; }
    [FinancialData] public string Iban { get; set; } = ""; // vuln:PK5002 financial class without retention
    [ProtectedPersonalData] public string Holder { get; set; } = ""; // safe:PK5002 personal class retained
}

public class Payslip
{
    public int Id { get; set; }
    [FinancialData] public decimal Gross { get; set; } // vuln:PK5002 financial data
    [PersonalData] public string EmployeeName { get; set; } = ""; // safe:PK5002 personal class retained
}

public class Subscriber
{
    public int Id { get; set; }
    [PersonalData] public string Email { get; set; } = ""; // safe:PK5002 personal class retained
    public bool Confirmed { get; set; } // safe:PK5002 unclassified
}

public class Allergy
{
    public int Id { get; set; }
    [HealthData] public string Substance { get; set; } = ""; // vuln:PK5002 health data
}

public class CardToken
{
    public int Id { get; set; }
    [FinancialData] public string Last4 { get; set; } = ""; // vuln:PK5002 financial data
    public string Brand { get; set; } = ""; // safe:PK5002 unclassified
}

public class ClinicDbContext : DbContext
{
    public ClinicDbContext(DbContextOptions<ClinicDbContext> options) : base(options) { }

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Prescription> Prescriptions => Set<Prescription>();
    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();
    public DbSet<Payslip> Payslips => Set<Payslip>();
    public DbSet<Subscriber> Subscribers => Set<Subscriber>();
    public DbSet<Allergy> Allergies => Set<Allergy>();
    public DbSet<CardToken> CardTokens => Set<CardToken>();
}
