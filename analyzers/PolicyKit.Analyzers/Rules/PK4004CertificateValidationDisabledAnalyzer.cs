using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

using PolicyKit.Analyzers.Policy;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK4004: a TLS certificate check that accepts anything (MN-41, A.11.4.6, MIC-87).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK4004CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.CertificateValidationDisabled,
        RuleCategory.Transport,
        DiagnosticSeverity.Warning,
        cwe: new[] { 295 },
        controls: new[] { "MN-41", "A.11.4.6", "MIC-87" });

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var httpClientHandler = WellKnownTypes.Get(start.Compilation, "System.Net.Http.HttpClientHandler");
            var remoteCallback = WellKnownTypes.Get(start.Compilation, "System.Net.Security.RemoteCertificateValidationCallback");
            var chainPolicy = WellKnownTypes.Get(start.Compilation, "System.Security.Cryptography.X509Certificates.X509ChainPolicy");

            // The callbacks and connection-string keys are matched by name as well (MailKit, SqlClient, Npgsql
            // builders), so the rule runs whenever networking or a database provider could be in play.
            start.RegisterOperationAction(AnalyzeAssignment, OperationKind.SimpleAssignment, OperationKind.CompoundAssignment);
            start.RegisterOperationAction(c => AnalyzeArgument(c, remoteCallback), OperationKind.Argument);
            start.RegisterOperationAction(AnalyzeLiteral, OperationKind.Literal);
            start.RegisterOperationAction(AnalyzeAllowAnyClient, OperationKind.Invocation);
            start.RegisterOperationAction(AnalyzeSharedCallback, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            if (httpClientHandler is not null)
            {
                start.RegisterOperationAction(c => AnalyzeDangerousValidator(c, httpClientHandler), OperationKind.PropertyReference);
            }

            if (chainPolicy is not null)
            {
                start.RegisterOperationAction(c => AnalyzeChainPolicy(c, chainPolicy), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (IAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        if (IsValidationCallback(property.Name, property.Type) && Accepts(assignment.Value, context))
        {
            Report(context, assignment.Value, property.ContainingType.Name + "." + property.Name);
        }
        else if (property.Name == "SslMode" && assignment is ISimpleAssignmentOperation
            && Skip(assignment.Value) is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } mode }
            && UnverifiedSslMode(mode.Name))
        {
            // MySqlConnectionStringBuilder / NpgsqlConnectionStringBuilder: encryption without (full) certificate checks.
            Report(context, assignment, "SslMode = " + mode.Name);
        }
        else if (property.Name == "TrustServerCertificate" && assignment is ISimpleAssignmentOperation
            && assignment.Value.ConstantValue is { HasValue: true, Value: true })
        {
            // SqlConnectionStringBuilder, NpgsqlConnectionStringBuilder: TLS without checking whom it talks to.
            Report(context, assignment, "TrustServerCertificate = true");
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, INamedTypeSymbol? remoteCallback)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.Parameter is not { } parameter
            || !(SymbolEqualityComparer.Default.Equals(parameter.Type, remoteCallback) || IsValidationCallback(parameter.Name, parameter.Type))
            || !Accepts(argument.Value, context))
        {
            return;
        }

        var owner = parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            ? constructor.ContainingType.Name
            : parameter.ContainingSymbol.ContainingType?.Name + "." + parameter.ContainingSymbol.Name;
        Report(context, argument.Value, owner + "(" + parameter.Name + ")");
    }

    private static void AnalyzeDangerousValidator(OperationAnalysisContext context, INamedTypeSymbol httpClientHandler)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property is { IsStatic: true, Name: "DangerousAcceptAnyServerCertificateValidator" } property
            && SymbolEqualityComparer.Default.Equals(property.ContainingType, httpClientHandler)
            && reference.Parent is not INameOfOperation)
        {
            Report(context, reference, "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator");
        }
    }

    private static void AnalyzeChainPolicy(OperationAnalysisContext context, INamedTypeSymbol chainPolicy)
    {
        // AllFlags ignores every chain error (untrusted root, expiry, name, revocation): the chain always builds.
        // Single flags (AllowUnknownCertificateAuthority for pinning, IgnoreNotTimeValid) are left to review, and so
        // is RevocationMode.NoCheck, which drops only the revocation check (CA5399/CA5400 territory).
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "VerificationFlags" } target
            && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, chainPolicy)
            && Skip(assignment.Value) is IFieldReferenceOperation { Field.Name: "AllFlags" })
        {
            Report(context, assignment, "X509VerificationFlags.AllFlags");
        }
    }

    private static void AnalyzeLiteral(OperationAnalysisContext context)
    {
        var literal = (ILiteralOperation)context.Operation;
        if (literal.ConstantValue is not { HasValue: true, Value: string text }
            || (text.IndexOf("Trust", StringComparison.OrdinalIgnoreCase) < 0 && text.IndexOf("Ssl", StringComparison.OrdinalIgnoreCase) < 0)
            || text.IndexOf('=') < 0)
        {
            return;
        }

        if (UnverifiedSslModeIn(text) is { } sslMode && !SetsValidationCallbackNearby(literal))
        {
            Report(context, literal, sslMode);
            return;
        }

        foreach (var pair in text.Split(';'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = pair.Substring(0, equals).Replace(" ", string.Empty).Trim();
            var value = pair.Substring(equals + 1).Trim();
            if (key.Equals("TrustServerCertificate", StringComparison.OrdinalIgnoreCase)
                && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase)))
            {
                Report(context, literal, "TrustServerCertificate=" + value);
                return;
            }
        }
    }

    // "SslMode=Required" (MySQL), "SSL Mode=Require" (Npgsql), "SslMode=VerifyCA": unless a CA file is named, which for
    // Npgsql and libpq turns Require into a chain check, the server is never authenticated.
    private static string? UnverifiedSslModeIn(string text)
    {
        string? found = null;
        var namesCa = false;
        foreach (var pair in text.Split(';'))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = pair.Substring(0, equals).Replace(" ", string.Empty).Trim();
            var value = pair.Substring(equals + 1).Trim();
            if (key.Equals("SslMode", StringComparison.OrdinalIgnoreCase) && UnverifiedSslMode(value))
            {
                found = "SslMode=" + value;
            }
            else if ((key.Equals("SslCa", StringComparison.OrdinalIgnoreCase) || key.Equals("RootCertificate", StringComparison.OrdinalIgnoreCase)
                || key.Equals("CACertificateFile", StringComparison.OrdinalIgnoreCase)) && value.Length > 0)
            {
                namesCa = true;
            }
        }

        return found is not null && namesCa && found.IndexOf("CA", StringComparison.OrdinalIgnoreCase) < 0 ? null : found;
    }

    // NpgsqlDataSourceBuilder.UseUserCertificateValidationCallback(…) or MySqlConnection.RemoteCertificateValidationCallback
    // in the same member: the callback (reported on its own if it accepts everything) decides, not the mode.
    private static bool SetsValidationCallbackNearby(IOperation operation)
    {
        SyntaxNode? member = operation.Syntax;
        while (member is not null && member is not (MemberDeclarationSyntax or LocalFunctionStatementSyntax))
        {
            member = member.Parent;
        }

        if (member is null)
        {
            return false;
        }

        foreach (var token in member.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf("CertificateValidationCallback", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>ServerCertificateCustomValidationCallback, RemoteCertificateValidationCallback … of any library.</summary>
    private static bool IsValidationCallback(string name, ITypeSymbol type) =>
        type.TypeKind == TypeKind.Delegate
        && name.IndexOf("Certificate", StringComparison.OrdinalIgnoreCase) >= 0
        && name.IndexOf("Validation", StringComparison.OrdinalIgnoreCase) >= 0;

    // Kestrel's HttpsConnectionAdapterOptions.AllowAnyClientCertificate(): any client certificate passes the handshake.
    private static void AnalyzeAllowAnyClient(OperationAnalysisContext context)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod is { Name: "AllowAnyClientCertificate", Parameters.Length: 0 })
        {
            Report(context, invocation, invocation.TargetMethod.ContainingType.Name + ".AllowAnyClientCertificate()");
        }
    }

    // A trust-all callback kept in a field or property and shared by several clients: reported where it is defined.
    private static void AnalyzeSharedCallback(OperationAnalysisContext context)
    {
        var (type, value) = context.Operation switch
        {
            IFieldInitializerOperation { InitializedFields.Length: 1 } field => (field.InitializedFields[0].Type, field.Value),
            IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => (property.InitializedProperties[0].Type, property.Value),
            _ => (null, null),
        };
        if (type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } && invoke.ReturnType.SpecialType == SpecialType.System_Boolean
            && HasPolicyErrorsParameter(invoke) && value is not null && Accepts(value, context))
        {
            Report(context, value, type.Name);
        }
    }

    private static bool HasPolicyErrorsParameter(IMethodSymbol invoke)
    {
        foreach (var parameter in invoke.Parameters)
        {
            if (parameter.Type.Name == "SslPolicyErrors")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// MySqlConnector/MySql.Data <c>Required</c> and Npgsql <c>Require</c> encrypt without checking the certificate;
    /// <c>VerifyCA</c> checks the chain but not the host name (any certificate from the same CA passes).
    /// </summary>
    private static bool UnverifiedSslMode(string mode) =>
        mode.Equals("Required", StringComparison.OrdinalIgnoreCase) || mode.Equals("Require", StringComparison.OrdinalIgnoreCase)
        || mode.Equals("VerifyCA", StringComparison.OrdinalIgnoreCase) || mode.Equals("Verify-CA", StringComparison.OrdinalIgnoreCase);

    private static bool Accepts(IOperation value, OperationAnalysisContext context)
    {
        if (AlwaysAccepts(value, context))
        {
            return true;
        }

        var target = Skip(value);
        if (target is IDelegateCreationOperation creation)
        {
            target = Skip(creation.Target);
        }

        return target is IAnonymousFunctionOperation lambda && AcceptsRejected(lambda) is not null;
    }

    /// <summary>
    /// Whether a callback accepts every certificate: its body only ever returns <c>true</c> (<c>=> true</c>,
    /// <c>{ Log(); return true; }</c>, <c>errors == SslPolicyErrors.None || true</c>) and never throws.
    /// Lambdas, anonymous methods, method groups and locals or fields holding a lambda are followed.
    /// </summary>
    private static bool AlwaysAccepts(IOperation value, OperationAnalysisContext context)
    {
        value = Skip(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = Skip(creation.Target);
        }

        SyntaxNode? function = value switch
        {
            IAnonymousFunctionOperation lambda => lambda.Syntax,
            IMethodReferenceOperation method => DeclarationOf(method.Method, context),
            ILocalReferenceOperation local => InitializerOf(local.Local, context),
            IFieldReferenceOperation field when field.Field.IsReadOnly || field.Field.IsStatic => InitializerOf(field.Field, context),
            IPropertyReferenceOperation { Property: { SetMethod: null } property } =>
                DeclarationOf(property, context) is PropertyDeclarationSyntax { Initializer.Value: var initial } ? Unwrap(initial) : null,
            _ => null,
        };

        return function switch
        {
            AnonymousFunctionExpressionSyntax { ExpressionBody: { } body } => IsTrue(body),
            AnonymousFunctionExpressionSyntax { Block: { } block } => OnlyReturnsTrue(block),
            BaseMethodDeclarationSyntax { ExpressionBody: { } arrow } => IsTrue(arrow.Expression),
            BaseMethodDeclarationSyntax { Body: { } block } => OnlyReturnsTrue(block),
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => IsTrue(arrow.Expression),
            LocalFunctionStatementSyntax { Body: { } block } => OnlyReturnsTrue(block),
            _ => false,
        };
    }

    private static SyntaxNode? DeclarationOf(ISymbol symbol, OperationAnalysisContext context)
    {
        var references = symbol.DeclaringSyntaxReferences;
        return references.Length == 1 ? references[0].GetSyntax(context.CancellationToken) : null;
    }

    private static SyntaxNode? InitializerOf(ISymbol symbol, OperationAnalysisContext context) =>
        DeclarationOf(symbol, context) is VariableDeclaratorSyntax { Initializer.Value: var value } ? Unwrap(value) : null;

    private static bool OnlyReturnsTrue(BlockSyntax block)
    {
        var returns = 0;
        foreach (var node in block.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            switch (node)
            {
                case ReturnStatementSyntax { Expression: { } expression }:
                    if (!IsTrue(expression))
                    {
                        return false;
                    }

                    returns++;
                    break;
                case ThrowStatementSyntax or ThrowExpressionSyntax:
                    return false;
            }
        }

        return returns > 0;
    }

    private static bool IsTrue(ExpressionSyntax expression)
    {
        expression = Unwrap(expression);
        return expression switch
        {
            LiteralExpressionSyntax literal => literal.IsKind(SyntaxKind.TrueLiteralExpression),
            BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression) => IsTrue(binary.Left) || IsTrue(binary.Right),
            _ => false,
        };
    }

    private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression;
    }

    private static IOperation Skip(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static void Report(OperationAnalysisContext context, IOperation at, string what) =>
        context.Report(Rule, at.Syntax.GetLocation(), what);
}
