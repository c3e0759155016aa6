using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3001: an authentication or authorization failure caught and turned into success or silence (MN-04, MN-10, A.11.5.1).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK3001SwallowedAuthErrorAnalyzer : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.SwallowedAuthError, RuleCategory.Authentication, DiagnosticSeverity.Warning,
        cwe: new[] { 390, 636, 755 }, controls: new[] { "MN-04", "MN-10", "MIC-41", "A.11.5.1" });

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            // In-house checks (AuthenticateUser, ValidateApiKey) need no library, so the rule always runs.
            var symbols = new AuthSymbols(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeTry(c, symbols), OperationKind.Try);
            start.RegisterOperationAction(c => AnalyzeDiscardedResult(c, symbols), OperationKind.Invocation);
        });
    }

    private static void AnalyzeTry(OperationAnalysisContext context, AuthSymbols symbols)
    {
        var tryOperation = (ITryOperation)context.Operation;
        if (tryOperation.Catches.IsEmpty)
        {
            return;
        }

        var check = FindCheck(tryOperation.Body, symbols) ?? EnclosingCheck(tryOperation, context.ContainingSymbol);
        var decision = Decision.Of(tryOperation, context.ContainingSymbol);
        foreach (var catchClause in tryOperation.Catches)
        {
            var securityException = symbols.IsSecurityException(catchClause.ExceptionType);
            var strong = check is not null || securityException;
            var subject = check ?? (securityException ? catchClause.ExceptionType.Name : decision.Subject);
            if (subject is not null && IsSwallowed(catchClause, tryOperation, decision, strong, symbols.IsCancellation(catchClause.ExceptionType)))
            {
                context.Report(Rule, CatchLocation(catchClause), subject);
            }
        }
    }

    // MN-04: the result of a check that does not throw (TokenValidationResult, SignInResult, AuthorizationResult …)
    // thrown away is a failure swallowed without any catch.
    private static void AnalyzeDiscardedResult(OperationAnalysisContext context, AuthSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var parent = invocation.Parent;
        if (parent is IAwaitOperation awaited)
        {
            parent = awaited.Parent;
        }

        var discarded = parent is IExpressionStatementOperation
                        || parent is ISimpleAssignmentOperation { Target: IDiscardOperation };
        if (discarded && symbols.IsCheckResult(invocation))
        {
            context.Report(Rule, invocation.Syntax.GetLocation(), invocation.TargetMethod.Name);
        }
    }

    // Fail open: the catch's exit leads to the outcome of the try's success path (MN-04). "strong" when a check is
    // called or enclosing, or the catch names a security exception; otherwise the method's own name, type or
    // parameters say it decides access (IsLicensed, CaptchaCheck.Passed) and only a constant standing in for a
    // computed answer, or an optimistic default that survives, is reported.
    private static bool IsSwallowed(ICatchClauseOperation catchClause, ITryOperation tryOperation, Decision decision, bool strong, bool cancellation)
    {
        var handler = catchClause.Handler;
        var granting = decision.AnyGrant(handler);
        if (cancellation)
        {
            // Cancellation is not a failed check; swallowing it is ordinary shutdown handling, unless the catch grants
            // (a licence server time-out answered with "licensed").
            return granting && (strong || decision.Computes(tryOperation.Body));
        }

        if (granting)
        {
            return strong || decision.Computes(tryOperation.Body);
        }

        if (AuthOutcome.AnyThrow(handler) || !FallsThrough(handler) || decision.First(handler) == AuthSignal.Deny)
        {
            return false;
        }

        // MN-10: an empty catch neither logs nor rethrows; the failure leaves no trace whatever follows.
        if (strong && handler.Operations.IsEmpty)
        {
            return true;
        }

        // The handler carries on: it is fail-open when the code after the try grants before anything denies.
        // Logging does not change this (MN-04: the mechanism must work); a later "if (principal is null) return
        // Unauthorized();" does.
        var after = FirstSignalAfter(tryOperation, decision);
        if (after == AuthSignal.Grant || decision.KeepsOptimisticDefault(tryOperation, catchClause))
        {
            return true;
        }

        // The try can only deny (context.Result = Forbid, return BadRequest()) and the method passes by finishing:
        // the catch skips the denial and reaches the same end as a passed check (an authorization filter that never
        // sets a result, a page that goes on to "confirmed").
        // The try must itself end by falling through: when it ends in "return LocalRedirect(…)", the code after the
        // try is the failure path, not the success path.
        return strong && after == AuthSignal.None && FallsThrough(tryOperation.Body) && decision.AnyDeny(tryOperation.Body)
               && !decision.AnyGrant(tryOperation.Body);
    }

    private static bool FallsThrough(IBlockOperation handler)
    {
        if (handler.Operations.IsEmpty)
        {
            return true;
        }

        var last = handler.Operations[handler.Operations.Length - 1];
        return last is not (IReturnOperation or IThrowOperation or IBranchOperation)
               && last is not IExpressionStatementOperation { Operation: IThrowOperation };
    }

    private static AuthSignal FirstSignalAfter(IOperation statement, Decision decision)
    {
        var current = statement;
        while (current.Parent is { } parent && parent is not (IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyBaseOperation))
        {
            if (parent is IBlockOperation block)
            {
                var seen = false;
                foreach (var sibling in block.Operations)
                {
                    if (seen)
                    {
                        var signal = decision.First(sibling);
                        if (signal != AuthSignal.None)
                        {
                            return signal;
                        }
                    }

                    seen |= ReferenceEquals(sibling, current);
                }
            }

            current = parent;
        }

        return AuthSignal.None;
    }

    private static string? FindCheck(IOperation operation, AuthSymbols symbols)
    {
        if (operation is IInvocationOperation invocation && (symbols.IsCheck(invocation.TargetMethod) || IsIdentityCheck(invocation.TargetMethod)))
        {
            return invocation.TargetMethod.Name;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (FindCheck(child, symbols) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    // The try sits inside a check: an authentication handler, an authorization handler or filter, a method named for a
    // check, or an authentication event (OnValidatePrincipal, OnTokenValidated, OnValidateCertificate …).
    private static string? EnclosingCheck(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation lambda)
            {
                var target = lambda.Parent is IDelegateCreationOperation creation ? creation.Parent : lambda.Parent;
                if (target is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: { } eventName } }
                    && IsAuthenticationEvent(eventName))
                {
                    return eventName;
                }

                return null;
            }

            if (current is ILocalFunctionOperation)
            {
                return null;
            }
        }

        return containingSymbol is IMethodSymbol method && AuthenticationCallNames.Matches(method.Name, AuthenticationCallNames.MemberStems)
            ? method.Name
            : null;
    }

    private static bool IsAuthenticationEvent(string name) =>
        name.StartsWith("On", System.StringComparison.Ordinal)
        && (name.Contains("Validat") || name.Contains("Authenticat") || name.Contains("Token") || name.Contains("Certificate")
            || name.Contains("Principal"));

    // The "catch (…)" head, not the block: the finding is the decision to catch.
    private static Location CatchLocation(ICatchClauseOperation catchClause)
    {
        if (catchClause.Syntax is not CatchClauseSyntax syntax)
        {
            return catchClause.Syntax.GetLocation();
        }

        var end = syntax.Filter?.Span.End ?? syntax.Declaration?.Span.End ?? syntax.CatchKeyword.Span.End;
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.CatchKeyword.SpanStart, end));
    }

    private sealed class AuthSymbols
    {
        private readonly INamedTypeSymbol? operationCanceled;
        private readonly INamedTypeSymbol?[] securityExceptions;
        private readonly INamedTypeSymbol?[] checkResults;
        private readonly INamedTypeSymbol? x509Chain;
        private readonly INamedTypeSymbol? x509Certificate2;
        private readonly INamedTypeSymbol? task;

        public AuthSymbols(Compilation compilation)
        {
            operationCanceled = WellKnownTypes.Get(compilation, "System.OperationCanceledException");
            securityExceptions = new[]
            {
                WellKnownTypes.Get(compilation, "Microsoft.IdentityModel.Tokens.SecurityTokenException"),
                WellKnownTypes.Get(compilation, "System.Security.Authentication.AuthenticationException"),
                WellKnownTypes.Get(compilation, "System.Security.SecurityException"),
                WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.AuthenticationFailureException"),
            };
            checkResults = new[]
            {
                WellKnownTypes.Get(compilation, "Microsoft.IdentityModel.Tokens.TokenValidationResult"),
                WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.PasswordVerificationResult"),
                WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.SignInResult"),
                WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authorization.AuthorizationResult"),
                WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Authentication.AuthenticateResult"),
            };
            x509Chain = WellKnownTypes.Get(compilation, "System.Security.Cryptography.X509Certificates.X509Chain");
            x509Certificate2 = WellKnownTypes.Get(compilation, "System.Security.Cryptography.X509Certificates.X509Certificate2");
            task = WellKnownTypes.Get(compilation, "System.Threading.Tasks.Task`1");
        }

        public bool IsCancellation(ITypeSymbol? type) => DerivesFrom(type, operationCanceled);

        public bool IsSecurityException(ITypeSymbol? type)
        {
            foreach (var candidate in securityExceptions)
            {
                if (candidate is not null && DerivesFrom(type, candidate))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsCheck(IMethodSymbol method)
        {
            var name = method.Name;
            if (AuthenticationCallNames.Matches(name, AuthenticationCallNames.CallStems))
            {
                return true;
            }

            var type = method.ContainingType;
            if (name == "Build" && SymbolEqualityComparer.Default.Equals(type, x509Chain))
            {
                return true;
            }

            // X509Certificate2.Verify, BCrypt.Verify, Argon2.Verify, PasswordHasher.Verify, Crypto.VerifyHashedPassword.
            return name.StartsWith("Verify", System.StringComparison.Ordinal) && type is not null
                && (SymbolEqualityComparer.Default.Equals(type, x509Certificate2) || IsPasswordHashingType(type.Name));
        }

        public bool IsCheckResult(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "Build" && SymbolEqualityComparer.Default.Equals(method.ContainingType, x509Chain))
            {
                return true;
            }

            var type = method.ReturnType as INamedTypeSymbol;
            if (type is { IsGenericType: true, TypeArguments.Length: 1 } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, task))
            {
                type = type.TypeArguments[0] as INamedTypeSymbol;
            }

            if (type is null)
            {
                return false;
            }

            foreach (var candidate in checkResults)
            {
                if (SymbolEqualityComparer.Default.Equals(type, candidate))
                {
                    return true;
                }
            }

            // UserManager.CheckPasswordAsync returns a bare bool.
            return method.Name == "CheckPasswordAsync" && type.SpecialType == SpecialType.System_Boolean;
        }

        private static bool IsPasswordHashingType(string name) =>
            name.Contains("Crypt") || name.Contains("Hash") || name.Contains("Argon") || name.Contains("Password");

        private static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
