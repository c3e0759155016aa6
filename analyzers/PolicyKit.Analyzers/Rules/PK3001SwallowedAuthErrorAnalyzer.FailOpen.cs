using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// Fail-open reading of a catch: does the catch's exit lead to the outcome of the try's success path? The decision
/// method's polarity (<c>IsLicensed</c> grants with <c>true</c>, <c>RequiresSecondFactor</c> with <c>false</c>), the
/// local it returns, and an optimistic default that survives the catch are taken into account.
/// </summary>
public sealed partial class PK3001SwallowedAuthErrorAnalyzer
{
    // Words of a method, its type or its parameters that make a bool-returning method a security decision
    // (MN-04: captcha, licence, signature, tenant, second factor, confirmation checks are access decisions too).
    private static readonly HashSet<string> DecisionWords = new(StringComparer.Ordinal)
    {
        "auth", "authenticate", "authenticated", "authentication", "authorize", "authorized", "authorization", "login",
        "logon", "signin", "password", "passwd", "credential", "credentials", "token", "tokens", "jwt", "signature",
        "signed", "hmac", "captcha", "recaptcha", "licence", "license", "licensed", "licenced", "permission",
        "permissions", "permitted", "role", "roles", "admin", "administrator", "tenant", "owner", "ownership", "entitled",
        "entitlement", "scope", "scopes", "claim", "claims", "mfa", "otp", "totp", "factor", "confirmed", "confirmation",
        "fingerprint", "principal", "certificate", "nonce", "csrf", "antiforgery", "invite", "invitation", "webhook",
        "verify", "verified", "verifier", "allowed", "access", "authentic", "locked", "lockout", "blocked", "banned",
        "revoked", "suspended", "fraud",
    };

    // Leading words of a predicate whose "true" is the restrictive answer: RequiresSecondFactor, MustChangePassword.
    private static readonly HashSet<string> RestrictiveLeads = new(StringComparer.Ordinal)
    {
        "requires", "require", "needs", "need", "must", "should",
    };

    // Words of a predicate whose "true" means "keep out": IsLockedOut, IsRevoked, IsBlocked.
    private static readonly HashSet<string> RestrictiveWords = new(StringComparer.Ordinal)
    {
        "locked", "lockout", "blocked", "banned", "revoked", "expired", "denied", "blacklisted", "blocklisted",
        "suspended", "forbidden", "compromised", "suspicious", "fraud", "fraudulent",
    };

    // Identity calls whose failure is a failed security check (confirmation, reset, role, second factor).
    private static readonly string[] IdentityCheckStems =
    {
        "ConfirmEmail", "ResetPassword", "ChangePassword", "ChangeEmail", "VerifyTwoFactorToken", "VerifyUserToken",
        "VerifyChangePhoneNumberToken", "RedeemTwoFactorRecoveryCode", "IsInRole", "IsEmailConfirmed",
        "IsPhoneNumberConfirmed", "IsLockedOut", "GetTwoFactorEnabled",
    };

    // Calls whose result is only trustworthy when they did not throw: an unprotected payload, a validated token.
    private static readonly string[] VerifiedValueStems = { "Unprotect", "Validate", "Verify", "Authenticate" };

    private static bool IsIdentityCheck(IMethodSymbol method) =>
        AuthenticationCallNames.Matches(method.Name, IdentityCheckStems)
        && method.ContainingNamespace?.ToDisplayString().StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) == true;

    /// <summary>What the method around a try decides, and how its answers read.</summary>
    private sealed class Decision
    {
        private readonly IOperation? body;
        private HashSet<ILocalSymbol>? resultLocals;

        private Decision(IOperation? body, bool restrictive, string? subject, bool returnsVerifiedValue)
        {
            this.body = body;
            Restrictive = restrictive;
            Subject = subject;
            ReturnsVerifiedValue = returnsVerifiedValue;
        }

        /// <summary>True when the method's <c>true</c> is the restrictive answer (<c>RequiresSecondFactor</c>).</summary>
        public bool Restrictive { get; }

        /// <summary>The method name when its own name, type or parameters say it decides access; else null.</summary>
        public string? Subject { get; }

        /// <summary>The try returns the value of a verification call (<c>return protector.Unprotect(token)</c>).</summary>
        public bool ReturnsVerifiedValue { get; }

        public static Decision Of(ITryOperation tryOperation, ISymbol containingSymbol)
        {
            IOperation? body = null;
            for (var current = tryOperation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    // A lambda's answer is read by whoever invokes it; its name says nothing.
                    return new Decision(null, false, null, false);
                }

                body = current;
            }

            var verified = ReturnsVerified(tryOperation.Body);
            if (containingSymbol is not IMethodSymbol method)
            {
                return new Decision(body, false, null, verified);
            }

            var returnsBool = IsBool(method.ReturnType);
            var restrictive = returnsBool && IsRestrictive(method.Name);
            var says = SaysDecision(method.Name) || (method.ContainingType is { } type && SaysDecision(type.Name));
            foreach (var parameter in method.Parameters)
            {
                says |= SaysDecision(parameter.Name);
            }

            var subject = says && (returnsBool || verified) ? method.Name : null;
            return new Decision(body, restrictive, subject, verified);
        }

        /// <summary>Locals the method returns as its answer (<c>return ok;</c>).</summary>
        public bool IsResult(ILocalSymbol local)
        {
            if (resultLocals is null)
            {
                var found = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
                if (body is not null)
                {
                    CollectReturnedLocals(body, found);
                }

                resultLocals = found;
            }

            return resultLocals.Contains(local);
        }

        /// <summary>The grant or deny signal of <paramref name="operation"/> itself, read with the method's polarity.</summary>
        public AuthSignal Own(IOperation operation)
        {
            switch (operation)
            {
                case IReturnOperation { ReturnedValue: { } value } when BoolConstant(value) is { } answer:
                    return answer != Restrictive ? AuthSignal.Grant : AuthSignal.Deny;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value }
                    when BoolConstant(value) is { } flag && IsResult(target.Local):
                    return flag != Restrictive ? AuthSignal.Grant : AuthSignal.Deny;
                case IReturnOperation { ReturnedValue: { } value } when ReturnsVerifiedValue && IsFabricated(value):
                    // "default-team" for an invitation that failed to unprotect: a made-up answer stands in for the
                    // verified one.
                    return AuthSignal.Grant;
                default:
                    return AuthOutcome.Of(operation);
            }
        }

        /// <summary>The first signal in source order (nested functions skipped).</summary>
        public AuthSignal First(IOperation operation)
        {
            var own = Own(operation);
            if (own != AuthSignal.None)
            {
                return own;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    continue;
                }

                var signal = First(child);
                if (signal != AuthSignal.None)
                {
                    return signal;
                }
            }

            return AuthSignal.None;
        }

        /// <summary>True when a grant signal occurs anywhere in <paramref name="operation"/>.</summary>
        public bool AnyGrant(IOperation operation)
        {
            if (Own(operation) == AuthSignal.Grant)
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation) && AnyGrant(child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a deny signal occurs anywhere in <paramref name="operation"/>, or an exit on a failure branch
        /// (<c>if (!result.Succeeded) return View("Failed");</c>, <c>if (user is null) return …</c>).
        /// </summary>
        public bool AnyDeny(IOperation operation)
        {
            if (Own(operation) == AuthSignal.Deny
                || (operation is IConditionalOperation { WhenFalse: null } branch && IsFailureTest(branch.Condition) && Exits(branch.WhenTrue)))
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation) && AnyDeny(child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the try computes the answer (returns or stores something that is not a constant): the catch's
        /// constant then stands in for a check that did not run.
        /// </summary>
        public bool Computes(IOperation operation)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    return false;
                case IReturnOperation { ReturnedValue: { } value } when !Unwrap(value).ConstantValue.HasValue:
                    return true;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value }
                    when IsResult(target.Local) && !Unwrap(value).ConstantValue.HasValue:
                    return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (Computes(child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// An optimistic default: a returned local that starts as the granting answer (<c>var admin = true;</c>),
        /// is recomputed in the try, and is left alone by the catch, so the failure returns the default.
        /// </summary>
        public bool KeepsOptimisticDefault(ITryOperation tryOperation, ICatchClauseOperation catchClause)
        {
            var assigned = new List<ILocalSymbol>();
            CollectComputedAssignments(tryOperation.Body, assigned);
            foreach (var local in assigned)
            {
                if (!IsResult(local) || AssignsLocal(catchClause.Handler, local) || InitialBool(local) is not { } initial)
                {
                    continue;
                }

                if (initial != Restrictive)
                {
                    return true;
                }
            }

            return false;
        }

        private bool? InitialBool(ILocalSymbol local)
        {
            if (body is null)
            {
                return null;
            }

            foreach (var declarator in Descendants<IVariableDeclaratorOperation>(body))
            {
                if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    return declarator.Initializer is { } initializer ? BoolConstant(initializer.Value) : null;
                }
            }

            return null;
        }

        private void CollectComputedAssignments(IOperation operation, List<ILocalSymbol> found)
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return;
            }

            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value }
                && !Unwrap(value).ConstantValue.HasValue && IsBool(target.Local.Type))
            {
                found.Add(target.Local);
            }

            foreach (var child in operation.ChildOperations)
            {
                CollectComputedAssignments(child, found);
            }
        }

        private static bool AssignsLocal(IOperation operation, ILocalSymbol local)
        {
            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }
                && SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                return true;
            }

            foreach (var child in operation.ChildOperations)
            {
                if (AssignsLocal(child, local))
                {
                    return true;
                }
            }

            return false;
        }

        private static void CollectReturnedLocals(IOperation operation, HashSet<ILocalSymbol> found)
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return;
            }

            if (operation is IReturnOperation { ReturnedValue: { } value } && Unwrap(value) is ILocalReferenceOperation local)
            {
                found.Add(local.Local);
            }

            foreach (var child in operation.ChildOperations)
            {
                CollectReturnedLocals(child, found);
            }
        }

        private static IEnumerable<T> Descendants<T>(IOperation root)
            where T : IOperation
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (current is T match)
                {
                    yield return match;
                }

                foreach (var child in current.ChildOperations)
                {
                    stack.Push(child);
                }
            }
        }

        private static bool IsFailureTest(IOperation condition)
        {
            condition = Unwrap(condition);
            return condition switch
            {
                IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } => true,
                IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals =>
                    IsNullOrFalse(equals.RightOperand) || IsNullOrFalse(equals.LeftOperand),
                IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var value } } => IsNullOrFalse(value),
                _ => false,
            };
        }

        private static bool IsNullOrFalse(IOperation operation) =>
            Unwrap(operation).ConstantValue is { HasValue: true, Value: null or false };

        private static bool Exits(IOperation operation)
        {
            if (operation is IReturnOperation or IThrowOperation)
            {
                return true;
            }

            if (operation is IBlockOperation block)
            {
                foreach (var statement in block.Operations)
                {
                    if (Exits(statement))
                    {
                        return true;
                    }
                }
            }

            return operation is IExpressionStatementOperation { Operation: IThrowOperation };
        }

        private static bool ReturnsVerified(IOperation operation)
        {
            if (operation is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (operation is IReturnOperation { ReturnedValue: { } value })
            {
                var returned = Unwrap(value);
                if (returned is IAwaitOperation awaited)
                {
                    returned = Unwrap(awaited.Operation);
                }

                if (returned is IInvocationOperation invocation && AuthenticationCallNames.Matches(invocation.TargetMethod.Name, VerifiedValueStems))
                {
                    return true;
                }
            }

            foreach (var child in operation.ChildOperations)
            {
                if (ReturnsVerified(child))
                {
                    return true;
                }
            }

            return false;
        }

        // A literal answer that is neither "no" nor empty: a string, a number, an object of the same kind.
        private static bool IsFabricated(IOperation value)
        {
            value = Unwrap(value);
            return value.ConstantValue is { HasValue: true, Value: string text } && text.Length > 0;
        }

        private static bool SaysDecision(string name)
        {
            foreach (var word in SecurityNames.Words(name))
            {
                if (DecisionWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsRestrictive(string name)
        {
            var words = SecurityNames.Words(name);
            if (words.Count == 0)
            {
                return false;
            }

            if (RestrictiveLeads.Contains(words[0]) || (words.Count > 1 && words[0] is "is" or "has" && RestrictiveLeads.Contains(words[1])))
            {
                return true;
            }

            foreach (var word in words)
            {
                if (RestrictiveWords.Contains(word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsBool(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task)
            {
                type = task.TypeArguments[0];
            }

            return type?.SpecialType == SpecialType.System_Boolean;
        }
    }

    private static bool? BoolConstant(IOperation value) =>
        Unwrap(value).ConstantValue is { HasValue: true, Value: bool flag } ? flag : null;

    private static IOperation Unwrap(IOperation operation) => EndpointBuilderFlow.Unwrap(operation);
}
