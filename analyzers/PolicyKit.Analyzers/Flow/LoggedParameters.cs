using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Which parameters of an application helper (<c>Audit(this ILogger logger, string action, string detail)</c>) the
/// helper writes to a log as they are: passed straight, interpolated, concatenated or <c>ToString()</c>-ed into a call
/// on a logger (a receiver with the word <c>log</c> or <c>logger</c> in its name: <c>_logger</c>, Serilog's <c>Log</c>,
/// <c>auditLog</c>, not <c>catalog</c>) or to
/// <c>Console</c>/<c>Debug</c>/<c>Trace</c>. The helper is then a sink for its callers. Read from the helper's syntax,
/// so a helper in another file of the project is summarised without another semantic model (RS1030). Cached per method.
/// </summary>
internal sealed class LoggedParameters
{
    private static readonly HashSet<string> LogMethodNames = new(StringComparer.Ordinal)
    {
        "LogTrace", "LogDebug", "LogInformation", "LogWarning", "LogError", "LogCritical", "Log", "BeginScope",
        "Verbose", "Debug", "Information", "Warning", "Error", "Fatal", "Info", "Warn", "Trace",
        "TraceInformation", "TraceWarning", "TraceError", "PushProperty", "ForContext",
    };

    private static readonly HashSet<string> OutputTypes = new(StringComparer.Ordinal) { "Console", "Debug", "Trace" };

    private readonly ConcurrentDictionary<IMethodSymbol, HashSet<int>> cache = new(SymbolEqualityComparer.Default);

    /// <summary>The ordinals of the parameters <paramref name="method"/> logs as they are; empty if none or not in source.</summary>
    public HashSet<int> Of(IMethodSymbol method, CancellationToken cancellationToken)
    {
        method = method.ReducedFrom ?? method;
        method = method.OriginalDefinition;
        if (!cache.TryGetValue(method, out var ordinals))
        {
            ordinals = cache.GetOrAdd(method, Compute(method, cancellationToken));
        }

        return ordinals;
    }

    private static HashSet<int> Compute(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var ordinals = new HashSet<int>();
        if (method.Parameters.IsEmpty || method.IsAbstract || method.IsVirtual || method.IsOverride
            || method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.Length != 1)
        {
            return ordinals;
        }

        if (method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration)
        {
            return ordinals;
        }

        SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
        if (body is null)
        {
            return ordinals;
        }

        foreach (var node in body.DescendantNodes())
        {
            if (node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                || !IsLogCall(access))
            {
                continue;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                CollectShown(argument.Expression, method, ordinals, depth: 0);
            }
        }

        return ordinals;
    }

    private static bool IsLogCall(MemberAccessExpressionSyntax access)
    {
        var name = access.Name.Identifier.ValueText;
        var receiver = access.Expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax inner } => inner.Expression.ToString(),
            _ => string.Empty,
        };

        if (name is "WriteLine" or "Write" or "Print" or "TraceInformation" or "TraceWarning" or "TraceError")
        {
            return OutputTypes.Contains(receiver);
        }

        return LogMethodNames.Contains(name) && NamesALogger(receiver);
    }

    // logger, _logger, Log, auditLog, securityLogger: a word of the name is "log"/"logger" (not catalog or login).
    private static bool NamesALogger(string receiver)
    {
        foreach (var word in CredentialNames.Split(receiver))
        {
            if (word is "log" or "logger" or "logging")
            {
                return true;
            }
        }

        return false;
    }

    // The argument shows the parameter itself: detail, $"…{detail}", "…" + detail, detail.ToString().
    private static void CollectShown(ExpressionSyntax expression, IMethodSymbol method, HashSet<int> ordinals, int depth)
    {
        if (depth > 4)
        {
            return;
        }

        switch (expression)
        {
            case IdentifierNameSyntax identifier:
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == identifier.Identifier.ValueText)
                    {
                        ordinals.Add(parameter.Ordinal);
                    }
                }

                break;
            case ParenthesizedExpressionSyntax parenthesized:
                CollectShown(parenthesized.Expression, method, ordinals, depth + 1);
                break;
            case CastExpressionSyntax cast:
                CollectShown(cast.Expression, method, ordinals, depth + 1);
                break;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax interpolation)
                    {
                        CollectShown(interpolation.Expression, method, ordinals, depth + 1);
                    }
                }

                break;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) || binary.IsKind(SyntaxKind.CoalesceExpression):
                CollectShown(binary.Left, method, ordinals, depth + 1);
                CollectShown(binary.Right, method, ordinals, depth + 1);
                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } toString, ArgumentList.Arguments.Count: 0 }:
                CollectShown(toString.Expression, method, ordinals, depth + 1);
                break;
        }
    }
}
