using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>
/// The APIs that execute SQL text, resolved once per compilation: ADO.NET commands, batch commands and data adapters
/// (any provider: SqlClient, Sqlite, Npgsql, MySqlConnector, OleDb, Odbc …, found through their base types), EF Core's
/// raw-SQL methods, EF6's <c>Database</c>/<c>DbSet</c> raw-SQL methods, and Dapper's <c>SqlMapper</c> and
/// <c>CommandDefinition</c>. The interpolated EF Core APIs (<c>FromSql</c>, <c>ExecuteSql</c>, <c>SqlQuery</c>) are
/// not sinks: they turn holes into parameters.
/// </summary>
internal sealed class SqlSinks
{
    private readonly INamedTypeSymbol? _dbCommand;
    private readonly INamedTypeSymbol? _dbCommandInterface;
    private readonly INamedTypeSymbol? _dbBatchCommand;
    private readonly INamedTypeSymbol? _dbDataAdapter;
    private readonly INamedTypeSymbol? _efQueryable;
    private readonly INamedTypeSymbol? _efDatabase;
    private readonly INamedTypeSymbol? _ef6Database;
    private readonly INamedTypeSymbol? _ef6DbSet;
    private readonly INamedTypeSymbol? _ef6DbSetOfT;
    private readonly INamedTypeSymbol? _dapper;
    private readonly INamedTypeSymbol? _dapperCommand;
    private readonly INamedTypeSymbol? _dbDataSource;

    private SqlSinks(Compilation compilation)
    {
        _dbCommand = WellKnownTypes.Get(compilation, "System.Data.Common.DbCommand");
        _dbCommandInterface = WellKnownTypes.Get(compilation, "System.Data.IDbCommand");
        _dbBatchCommand = WellKnownTypes.Get(compilation, "System.Data.Common.DbBatchCommand");
        _dbDataAdapter = WellKnownTypes.Get(compilation, "System.Data.Common.DbDataAdapter");
        _efQueryable = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
        _efDatabase = WellKnownTypes.Get(compilation, "Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
        _ef6Database = WellKnownTypes.Get(compilation, "System.Data.Entity.Database");
        _ef6DbSet = WellKnownTypes.Get(compilation, "System.Data.Entity.DbSet");
        _ef6DbSetOfT = WellKnownTypes.Get(compilation, "System.Data.Entity.DbSet`1");
        _dapper = WellKnownTypes.Get(compilation, "Dapper.SqlMapper");
        _dapperCommand = WellKnownTypes.Get(compilation, "Dapper.CommandDefinition");
        _dbDataSource = WellKnownTypes.Get(compilation, "System.Data.Common.DbDataSource");
    }

    /// <summary>The sinks of <paramref name="compilation"/>, or null when it references no SQL API at all.</summary>
    public static SqlSinks? TryCreate(Compilation compilation)
    {
        var sinks = new SqlSinks(compilation);
        return sinks._dbCommand is null && sinks._dbCommandInterface is null && sinks._efQueryable is null
            && sinks._efDatabase is null && sinks._ef6Database is null && sinks._dapper is null
            ? null
            : sinks;
    }

    /// <summary>The SQL-text argument of a raw-SQL method call (EF Core, EF6, Dapper), if the call is one.</summary>
    public IArgumentOperation? SqlArgument(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType?.OriginalDefinition;
        if (type is null)
        {
            return null;
        }

        bool isSink;
        if (method.Name == "CreateCommand" && DerivesFrom(type, _dbDataSource))
        {
            // NpgsqlDataSource/MySqlDataSource.CreateCommand(sql): a command with its text already set.
            return StringArgument(invocation.Arguments, "commandText");
        }

        if (Is(type, _efQueryable) || Is(type, _efDatabase))
        {
            isSink = method.Name is "FromSqlRaw" or "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw";
        }
        else if (Is(type, _ef6Database))
        {
            isSink = method.Name is "SqlQuery" or "ExecuteSqlCommand" or "ExecuteSqlCommandAsync";
        }
        else if (Is(type, _ef6DbSet) || Is(type, _ef6DbSetOfT))
        {
            isSink = method.Name == "SqlQuery";
        }
        else if (Is(type, _dapper))
        {
            // Query, QueryAsync, QueryFirst*, QuerySingle*, QueryMultiple*, Execute, ExecuteScalar*, ExecuteReader* …
            isSink = method.Name.StartsWith("Query", System.StringComparison.Ordinal)
                || method.Name.StartsWith("Execute", System.StringComparison.Ordinal);
        }
        else
        {
            return null;
        }

        return isSink ? StringArgument(invocation.Arguments, "sql") : null;
    }

    /// <summary>The command-text argument of a command, batch command, adapter or <c>CommandDefinition</c> constructor.</summary>
    public IArgumentOperation? CommandTextArgument(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol type)
        {
            return null;
        }

        if (Is(type, _dapperCommand))
        {
            return StringArgument(creation.Arguments, "commandText");
        }

        if (!IsCommand(type) && !DerivesFrom(type, _dbDataAdapter))
        {
            return null;
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter
                && parameter.Name is "cmdText" or "commandText" or "selectCommandText" or "sql" or "query")
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="property"/> is a command's <c>CommandText</c>.</summary>
    public bool IsCommandText(IPropertySymbol property) =>
        property.Name == "CommandText" && property.Type.SpecialType == SpecialType.System_String
        && property.ContainingType is { } type && IsCommand(type);

    private bool IsCommand(INamedTypeSymbol type)
    {
        if (DerivesFrom(type, _dbCommand) || DerivesFrom(type, _dbBatchCommand) || Is(type, _dbCommandInterface))
        {
            return true;
        }

        if (_dbCommandInterface is null)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Is(implemented, _dbCommandInterface))
            {
                return true;
            }
        }

        return false;
    }

    private static IArgumentOperation? StringArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string name)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && parameter.Name == name)
            {
                return argument;
            }
        }

        return null;
    }

    private static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
