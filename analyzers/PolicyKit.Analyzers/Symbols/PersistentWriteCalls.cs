using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// Calls that write to a database or delete something: EF Core <c>SaveChanges</c>, <c>Remove</c>,
/// <c>ExecuteDelete</c>/<c>ExecuteUpdate</c>, <c>ExecuteSql*</c>, ADO.NET <c>ExecuteNonQuery</c>, Dapper <c>Execute</c>,
/// and any <c>Delete*</c> method (repositories, <c>UserManager.DeleteAsync</c>, <c>File.Delete</c>).
/// </summary>
internal static class PersistentWriteCalls
{
    /// <summary>The method name when <paramref name="invocation"/> writes data, else null.</summary>
    public static string? WriteOf(IInvocationOperation invocation, INamedTypeSymbol? dbContext, INamedTypeSymbol? dbSet)
    {
        var method = invocation.TargetMethod;
        var name = method.Name;
        switch (name)
        {
            // Unit-of-work and repository wrappers use the same names as EF Core.
            case "SaveChanges":
            case "SaveChangesAsync":
            case "ExecuteDelete":
            case "ExecuteDeleteAsync":
            case "ExecuteUpdate":
            case "ExecuteUpdateAsync":
            case "ExecuteSqlRaw":
            case "ExecuteSqlRawAsync":
            case "ExecuteSql":
            case "ExecuteSqlAsync":
            case "ExecuteSqlInterpolated":
            case "ExecuteSqlInterpolatedAsync":
            case "ExecuteNonQuery":
            case "ExecuteNonQueryAsync":
                return name;

            case "Remove":
            case "RemoveRange":
                // List<T>.Remove changes memory only; DbSet/DbContext.Remove deletes rows at the next SaveChanges.
                var owner = invocation.Instance?.Type ?? method.ContainingType;
                return AuthorizationSymbols.InheritsFrom(owner, dbContext) || AuthorizationSymbols.InheritsFrom(owner, dbSet) ? name : null;

            case "Execute":
            case "ExecuteAsync":
                // Dapper's SqlMapper.Execute runs INSERT/UPDATE/DELETE.
                return method.ContainingType?.Name == "SqlMapper" ? name : null;

            default:
                // Response.Cookies.Delete only clears a cookie in the browser.
                return name.StartsWith("Delete", StringComparison.Ordinal) && method.ContainingType?.Name != "IResponseCookies" ? name : null;
        }
    }
}
