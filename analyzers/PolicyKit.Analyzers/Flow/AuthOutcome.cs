using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow;

/// <summary>What a statement does to an authentication or authorization decision.</summary>
internal enum AuthSignal
{
    /// <summary>Neither grants nor denies.</summary>
    None,

    /// <summary>Grants: <c>return true</c>, <c>return Ok(…)</c>, <c>AuthenticateResult.Success</c>, <c>context.Succeed</c>,
    /// <c>isValid = true</c>, a returned principal, <c>SignInAsync</c>, calling the next middleware.</summary>
    Grant,

    /// <summary>Denies: <c>throw</c>, <c>return false/null</c>, <c>Unauthorized()</c>, <c>Forbid()</c>,
    /// <c>Challenge()</c>, <c>AuthenticateResult.Fail</c>, <c>context.Fail()</c>, <c>isValid = false</c>.</summary>
    Deny,
}

/// <summary>
/// Reads the grant and deny signals of operation trees in source order (nested lambdas and local functions are
/// skipped: their code runs later, if at all). Names, not types, carry most signals, so in-house result types
/// (<c>LoginResult.Success</c>) read like the framework's.
/// </summary>
internal static class AuthOutcome
{
    /// <summary>The first grant or deny signal in <paramref name="operation"/>, in source order.</summary>
    public static AuthSignal First(IOperation operation)
    {
        var own = Of(operation);
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
    public static bool AnyGrant(IOperation operation)
    {
        if (Of(operation) == AuthSignal.Grant)
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

    /// <summary>True when <paramref name="operation"/> contains a <c>throw</c> outside nested functions.</summary>
    public static bool AnyThrow(IOperation operation)
    {
        if (operation is IThrowOperation)
        {
            return true;
        }

        foreach (var child in operation.ChildOperations)
        {
            if (child is not (IAnonymousFunctionOperation or ILocalFunctionOperation) && AnyThrow(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The signal of <paramref name="operation"/> itself, without looking into its children.</summary>
    public static AuthSignal Of(IOperation operation) => operation switch
    {
        IThrowOperation => AuthSignal.Deny,
        IReturnOperation { ReturnedValue: { } value } => OfValue(value),
        IReturnOperation => AuthSignal.None,
        IInvocationOperation invocation => OfCall(invocation),
        ISimpleAssignmentOperation assignment => OfAssignment(assignment),
        _ => AuthSignal.None,
    };

    private static AuthSignal OfCall(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        switch (name)
        {
            // AuthorizationHandlerContext.Succeed, ResultContext<T>.Success(), cookie/session issued after the failure.
            case "Succeed" or "SignInAsync" or "SignIn":
                return AuthSignal.Grant;
            case "Success" when invocation.Instance is not null:
                return AuthSignal.Grant;
            case "Fail" when invocation.Instance is not null:
                return AuthSignal.Deny;
            case "RejectPrincipal":
                return AuthSignal.Deny;
            case "Invoke" when invocation.Instance is { } next && IsNextMiddleware(next):
                return AuthSignal.Grant;
            default:
                return AuthSignal.None;
        }
    }

    private static AuthSignal OfAssignment(ISimpleAssignmentOperation assignment)
    {
        var value = Unwrap(assignment.Value);
        if (value.ConstantValue is { HasValue: true, Value: bool flag })
        {
            var name = TargetName(assignment.Target);
            if (name is null || !IsDecisionFlag(name, out var negative))
            {
                return AuthSignal.None;
            }

            return flag != negative ? AuthSignal.Grant : AuthSignal.Deny;
        }

        // context.Result = AuthenticateResult.Success(ticket); result = SignInResult.Failed;
        var signal = OfValue(value);
        return signal == AuthSignal.Grant && value.Type?.Name.EndsWith("Result", StringComparison.Ordinal) != true
            ? AuthSignal.None
            : signal;
    }

    private static AuthSignal OfValue(IOperation value)
    {
        value = Unwrap(value);
        if (value is IAwaitOperation awaited)
        {
            value = Unwrap(awaited.Operation);
        }

        if (value is IInvocationOperation { TargetMethod.Name: "FromResult" } fromResult && fromResult.Arguments.Length == 1)
        {
            value = Unwrap(fromResult.Arguments[0].Value);
        }

        // Enum constants (PasswordVerificationResult.Success) are read by their names below.
        if (value.ConstantValue.HasValue && value.Type?.TypeKind != TypeKind.Enum)
        {
            return value.ConstantValue.Value switch
            {
                true => AuthSignal.Grant,
                false or null => AuthSignal.Deny,
                _ => AuthSignal.None,
            };
        }

        if (value is IDefaultValueOperation)
        {
            return AuthSignal.Deny;
        }

        var name = value switch
        {
            IInvocationOperation invocation => invocation.TargetMethod.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IObjectCreationOperation creation => creation.Type?.Name,
            _ => null,
        };
        if (name is not null)
        {
            var byName = OfResultName(name);
            if (byName != AuthSignal.None)
            {
                return byName;
            }
        }

        // "return principal;" after a failed validation: the caller receives an identity.
        return value.Type?.Name is "ClaimsPrincipal" or "ClaimsIdentity" or "AuthenticationTicket" or "GenericPrincipal"
            ? AuthSignal.Grant
            : AuthSignal.None;
    }

    private static AuthSignal OfResultName(string name) => name switch
    {
        "Ok" or "OkResult" or "OkObjectResult" or "Success" or "SuccessRehashNeeded" or "Succeeded" or "Accepted"
            or "SignIn" or "SignInResult" or "ClaimsPrincipal" or "AuthenticationTicket" => AuthSignal.Grant,
        "Unauthorized" or "UnauthorizedResult" or "UnauthorizedObjectResult" or "Forbid" or "ForbidResult" or "Challenge"
            or "ChallengeResult" or "Fail" or "Failed" or "NoResult" or "BadRequest" or "BadRequestResult"
            or "BadRequestObjectResult" or "NotFound" or "Problem" or "ValidationProblem" or "StatusCode" or "Deny"
            or "Denied" or "LockedOut" or "NotAllowed" or "Invalid" => AuthSignal.Deny,
        _ => AuthSignal.None,
    };

    // isValid, authenticated, isAuthorized, success, allowed, granted, verified …; "invalid", "failed", "denied" invert.
    private static bool IsDecisionFlag(string name, out bool negative)
    {
        var lower = name.ToLowerInvariant();
        negative = lower.Contains("invalid") || lower.Contains("fail") || lower.Contains("denied") || lower.Contains("error")
                   || lower.Contains("reject") || lower.Contains("unauthori");
        if (negative)
        {
            return true;
        }

        return lower.Contains("valid") || lower.Contains("authentic") || lower.Contains("authoriz") || lower.Contains("success")
               || lower.Contains("succeed") || lower.Contains("allow") || lower.Contains("grant") || lower.Contains("verified")
               || lower.Contains("loggedin") || lower.Contains("signedin") || lower.Contains("passed") || lower.Contains("permit");
    }

    private static string? TargetName(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        _ => null,
    };

    private static bool IsNextMiddleware(IOperation instance)
    {
        var name = instance switch
        {
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            ILocalReferenceOperation local => local.Local.Name,
            _ => null,
        };
        return name is "next" or "_next" or "nextMiddleware";
    }

    private static IOperation Unwrap(IOperation operation) => EndpointBuilderFlow.Unwrap(operation);
}
