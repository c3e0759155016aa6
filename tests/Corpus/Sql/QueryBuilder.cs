using System.Collections.Generic;
using System.Linq;

namespace Corpus.Sql;

/// <summary>Builds report SQL; executed by <see cref="ReportRepository"/> in another file.</summary>
public static class QueryBuilder
{
    public const string BaseCustomerQuery = "SELECT Id, Name, Country FROM Customers";

    public static string CustomersInCountry(string country) =>
        BaseCustomerQuery + " WHERE Country = '" + country + "'";

    public static string CustomersInCountryParameterised() =>
        BaseCustomerQuery + " WHERE Country = @country";

    public static string WithFilters(IReadOnlyDictionary<string, string> filters)
    {
        var clauses = filters.Select(f => $"{f.Key} = '{f.Value}'");
        return BaseCustomerQuery + " WHERE " + string.Join(" AND ", clauses);
    }

    public static string OrderedBy(bool byName) =>
        BaseCustomerQuery + (byName ? " ORDER BY Name" : " ORDER BY Id");
}
