using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Symbols;

/// <summary>What kind of output a call writes to.</summary>
internal enum LogSinkKind
{
    /// <summary>Not an output.</summary>
    None,

    /// <summary>A logging framework whose extra arguments are structured properties (Microsoft.Extensions.Logging, Serilog).</summary>
    StructuredLog,

    /// <summary>A logger, console, debug or trace writer taking text (and format arguments).</summary>
    Text,
}

/// <summary>
/// The calls that write to a log or console: Microsoft.Extensions.Logging (<c>LoggerExtensions</c>, <c>ILogger.Log</c>,
/// <c>BeginScope</c>), Serilog (<c>Log</c>, <c>ILogger</c>, <c>ForContext</c>, <c>LogContext.PushProperty</c>),
/// <c>Console.Write*</c> (also through <c>Console.Out</c>/<c>Console.Error</c>), <c>Debug</c>/<c>Trace</c>, and, by
/// name because the analyzers cannot assume a reference to them, NLog and log4net (<c>Info</c>, <c>Warn</c>,
/// <c>Error</c> … on types named <c>*Logger</c> or <c>ILog</c>). Resolved once per compilation.
/// </summary>
internal sealed class LogSinks
{
    private static readonly HashSet<string> SerilogMethods = new(StringComparer.Ordinal)
    {
        "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Write", "ForContext",
    };

    private static readonly HashSet<string> WriterMethods = new(StringComparer.Ordinal) { "Write", "WriteLine" };

    private static readonly HashSet<string> DiagnosticsMethods = new(StringComparer.Ordinal)
    {
        "Write", "WriteLine", "WriteIf", "WriteLineIf", "Print", "TraceInformation", "TraceWarning", "TraceError", "Fail", "Assert",
    };

    // NLog's Logger/ILogger and log4net's ILog.
    private static readonly HashSet<string> ByNameMethods = new(StringComparer.Ordinal)
    {
        "Trace", "Debug", "Info", "Warn", "Error", "Fatal", "Log", "DebugFormat", "InfoFormat", "WarnFormat", "ErrorFormat", "FatalFormat",
    };

    private readonly INamedTypeSymbol? loggerExtensions;
    private readonly INamedTypeSymbol? melLogger;
    private readonly INamedTypeSymbol? serilogLog;
    private readonly INamedTypeSymbol? serilogLogger;
    private readonly INamedTypeSymbol? serilogLogContext;
    private readonly INamedTypeSymbol? console;
    private readonly INamedTypeSymbol? debug;
    private readonly INamedTypeSymbol? trace;
    private readonly INamedTypeSymbol? textWriter;
    private readonly INamedTypeSymbol? loggerMessageAttribute;

    private LogSinks(Compilation compilation)
    {
        loggerExtensions = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Logging.LoggerExtensions");
        melLogger = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Logging.ILogger");
        serilogLog = WellKnownTypes.Get(compilation, "Serilog.Log");
        serilogLogger = WellKnownTypes.Get(compilation, "Serilog.ILogger");
        serilogLogContext = WellKnownTypes.Get(compilation, "Serilog.Context.LogContext");
        console = WellKnownTypes.Get(compilation, "System.Console");
        debug = WellKnownTypes.Get(compilation, "System.Diagnostics.Debug");
        trace = WellKnownTypes.Get(compilation, "System.Diagnostics.Trace");
        textWriter = WellKnownTypes.Get(compilation, "System.IO.TextWriter");
        loggerMessageAttribute = WellKnownTypes.Get(compilation, "Microsoft.Extensions.Logging.LoggerMessageAttribute");
    }

    /// <summary>The log sinks of <paramref name="compilation"/>.</summary>
    public static LogSinks Create(Compilation compilation) => new(compilation);

    /// <summary>What <paramref name="method"/> writes to; <paramref name="receiver"/> is the instance it is called on.</summary>
    public LogSinkKind Classify(IMethodSymbol method, IOperation? receiver)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return LogSinkKind.None;
        }

        if (Is(type, loggerExtensions) || (Is(type, melLogger) && method.Name is "Log" or "BeginScope"))
        {
            return LogSinkKind.StructuredLog;
        }

        // [LoggerMessage] partial methods: the logging source generator writes every argument into the message.
        if (IsLoggerMessageMethod(method))
        {
            return LogSinkKind.StructuredLog;
        }

        if (Is(type, serilogLog) || Is(type, serilogLogger) || ImplementsSerilogLogger(type))
        {
            return SerilogMethods.Contains(method.Name) ? LogSinkKind.StructuredLog : LogSinkKind.None;
        }

        if (Is(type, serilogLogContext))
        {
            return method.Name == "PushProperty" ? LogSinkKind.StructuredLog : LogSinkKind.None;
        }

        if (Is(type, console))
        {
            return WriterMethods.Contains(method.Name) ? LogSinkKind.Text : LogSinkKind.None;
        }

        if (Is(type, debug) || Is(type, trace))
        {
            return DiagnosticsMethods.Contains(method.Name) ? LogSinkKind.Text : LogSinkKind.None;
        }

        if (textWriter is not null && WriterMethods.Contains(method.Name) && IsConsoleWriter(receiver))
        {
            return LogSinkKind.Text;
        }

        return ByNameMethods.Contains(method.Name) && IsLoggerByName(type) ? LogSinkKind.Text : LogSinkKind.None;
    }

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

    // NLog.Logger, NLog.ILogger, log4net.ILog, and application wrappers named the same way; Microsoft's ILogger is
    // matched by symbol above and has no Info/Warn methods, so it cannot be caught here by accident.
    private static bool IsLoggerByName(INamedTypeSymbol type)
    {
        var name = type.Name;
        if (name is "ILog" || name.EndsWith("Logger", StringComparison.Ordinal))
        {
            var ns = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return !ns.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal);
        }

        return false;
    }

    private bool ImplementsSerilogLogger(INamedTypeSymbol type)
    {
        if (serilogLogger is null || type.TypeKind != TypeKind.Class)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, serilogLogger))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a <c>[LoggerMessage]</c> partial method (the logging source generator writes its body).</summary>
    public bool IsLoggerMessageMethod(IMethodSymbol method)
    {
        if (loggerMessageAttribute is null || (!method.IsPartialDefinition && method.PartialDefinitionPart is null))
        {
            return false;
        }

        foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, loggerMessageAttribute))
            {
                return true;
            }
        }

        return false;
    }

    // Console.Out.WriteLine(...), Console.Error.Write(...): other TextWriters write files or responses.
    private bool IsConsoleWriter(IOperation? receiver) =>
        receiver is IPropertyReferenceOperation { Property.ContainingType: { } owner } && Is(owner, console);
}
