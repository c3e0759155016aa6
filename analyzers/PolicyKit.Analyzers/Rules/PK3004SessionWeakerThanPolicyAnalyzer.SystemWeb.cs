using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;
using PolicyKit.Analyzers.WebConfig;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK3004 over legacy ASP.NET (System.Web): an <c>HttpCookie</c> emitted (<c>Response.Cookies.Add/Set</c>,
/// <c>Response.SetCookie/AppendCookie</c>) without <c>Secure</c>/<c>HttpOnly</c>, or with them set to <c>false</c>, and a
/// <c>FormsAuthenticationTicket</c> that lives longer than the policy's absolute timeout. A cookie without flags is
/// fine when every judged Web.config sets <c>httpCookies requireSSL</c>/<c>httpOnlyCookies</c> (those set the defaults
/// of every <c>HttpCookie</c>); the config itself is PK6002's.
/// </summary>
public sealed partial class PK3004SessionWeakerThanPolicyAnalyzer
{
    private static void RegisterSystemWeb(CompilationStartAnalysisContext start)
    {
        var cookie = WellKnownTypes.Get(start.Compilation, "System.Web.HttpCookie");
        if (cookie is null)
        {
            return;
        }

        var policy = AnalyzerPolicy.Get(start).Policy;
        var ticket = WellKnownTypes.Get(start.Compilation, "System.Web.Security.FormsAuthenticationTicket");
        var (secureByConfig, httpOnlyByConfig) = ConfigDefaults(start.Options.AdditionalFiles, start.CancellationToken);
        var legacy = new SystemWebCookies(cookie, ticket, policy, policy.Session.Cookie.Secure == true && !secureByConfig, policy.Session.Cookie.HttpOnly == true && !httpOnlyByConfig);
        start.RegisterOperationAction(legacy.AnalyzeCreation, OperationKind.ObjectCreation);
        start.RegisterOperationAction(legacy.AnalyzeAssignment, OperationKind.SimpleAssignment);
    }

    // Whether every judged Web.config makes cookies Secure / HttpOnly by default (<httpCookies requireSSL="true" …/>).
    private static (bool Secure, bool HttpOnly) ConfigDefaults(System.Collections.Immutable.ImmutableArray<AdditionalText> files, System.Threading.CancellationToken cancellationToken)
    {
        var sets = ConfigSet.From(files, cancellationToken);
        if (sets.Count == 0)
        {
            return (false, false);
        }

        bool secure = true, httpOnly = true;
        foreach (var set in sets)
        {
            var cookies = set.Root.Descendant("system.web", "httpCookies");
            secure &= string.Equals(cookies?.Value("requireSSL")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            httpOnly &= string.Equals(cookies?.Value("httpOnlyCookies")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        }

        return (secure, httpOnly);
    }

    private sealed class SystemWebCookies
    {
        private readonly INamedTypeSymbol _cookie;
        private readonly INamedTypeSymbol? _ticket;
        private readonly PolicySet _policy;
        private readonly bool _needSecure;
        private readonly bool _needHttpOnly;

        public SystemWebCookies(INamedTypeSymbol cookie, INamedTypeSymbol? ticket, PolicySet policy, bool needSecure, bool needHttpOnly)
        {
            _cookie = cookie;
            _ticket = ticket;
            _policy = policy;
            _needSecure = needSecure;
            _needHttpOnly = needHttpOnly;
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            // cookie.Secure = false / cookie.HttpOnly = false: reported even when Web.config sets the default.
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { Name: "Secure" or "HttpOnly" } property }
                || !SymbolEqualityComparer.Default.Equals(property.ContainingType, _cookie)
                || !ConfiguredValue.TryBool(assignment.Value, context.CancellationToken, out var value) || value)
            {
                return;
            }

            var secure = property.Name == "Secure";
            if (secure ? _policy.Session.Cookie.Secure != true : _policy.Session.Cookie.HttpOnly != true)
            {
                return;
            }

            var path = secure ? "session.cookie.secure" : "session.cookie.httpOnly";
            context.Report(Rule, assignment.Syntax.GetLocation(), "HttpCookie." + property.Name, "false", "true", PolicyClause.Of(_policy, path));
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (SymbolEqualityComparer.Default.Equals(creation.Type, _cookie))
            {
                AnalyzeCookie(context, creation);
            }
            else if (_ticket is not null && SymbolEqualityComparer.Default.Equals(creation.Type, _ticket))
            {
                AnalyzeTicket(context, creation);
            }
        }

        private void AnalyzeCookie(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            if (!_needSecure && !_needHttpOnly)
            {
                return;
            }

            // As for Response.Cookies.Append in ASP.NET Core: a preference cookie (theme, culture, consent) is the
            // application's business; cookies named like a session or sign-in, or holding a token, are the policy's.
            // A name computed at run time (FormsAuthentication.FormsCookieName) is judged.
            if (creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string cookieName }
                && !SessionCookieSymbols.IsSessionCookieName(cookieName)
                && !Analysis.CarriesCredential(creation.Arguments.Length > 1 ? creation.Arguments[1].Value : null))
            {
                return;
            }

            var local = StoredIn(creation);
            var root = SourceMethodBodies.Root(creation);
            bool secure = Initialized(creation, "Secure"), httpOnly = Initialized(creation, "HttpOnly");
            var emitted = local is null && IsEmitted(creation.Parent);
            foreach (var operation in root.DescendantsAndSelf())
            {
                if (local is null)
                {
                    break;
                }

                if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Secure" or "HttpOnly" } target }
                    && target.Instance is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (target.Property.Name == "Secure")
                    {
                        secure = true;
                    }
                    else
                    {
                        httpOnly = true;
                    }
                }
                else if (operation is ILocalReferenceOperation used && SymbolEqualityComparer.Default.Equals(used.Local, local)
                         && used.Parent is IArgumentOperation argument && IsEmitted(argument))
                {
                    emitted = true;
                }
            }

            var missingSecure = _needSecure && !secure;
            var missingHttpOnly = _needHttpOnly && !httpOnly;
            if (!emitted || !missingSecure && !missingHttpOnly)
            {
                return;
            }

            var missing = missingSecure && missingHttpOnly ? "Secure and HttpOnly" : missingSecure ? "Secure" : "HttpOnly";
            var name = creation.Arguments.Length == 0 ? "?"
                : creation.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } ? text
                : creation.Arguments[0].Value.Syntax.ToString();
            context.Report(Rule, creation.Syntax.GetLocation(), "Cookie '" + name + "'", "appended without " + missing, missing,
                PolicyClause.Of(_policy, missingSecure ? "session.cookie.secure" : "session.cookie.httpOnly"));
        }

        // new FormsAuthenticationTicket(1, name, DateTime.Now, DateTime.Now.AddDays(30), true, data): the ticket's lifetime.
        private void AnalyzeTicket(OperationAnalysisContext context, IObjectCreationOperation creation)
        {
            if (_policy.Session.AbsoluteTimeoutMinutes is not int absolute)
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter?.Name == "expiration"
                    && ConfiguredValue.TryMinutesFromNow(argument.Value, context.CancellationToken, out var minutes) && minutes > absolute)
                {
                    context.Report(Rule, argument.Value.Syntax.GetLocation(), "FormsAuthenticationTicket expiration",
                        minutes.ToString("0.##", CultureInfo.InvariantCulture) + " minutes", "at most " + absolute.ToString(CultureInfo.InvariantCulture) + " minutes",
                        PolicyClause.Of(_policy, "session.absoluteTimeoutMinutes"));
                }
            }
        }

        private static bool Initialized(IObjectCreationOperation creation, string property)
        {
            if (creation.Initializer is null)
            {
                return false;
            }

            foreach (var member in creation.Initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } && target.Property.Name == property)
                {
                    return true;
                }
            }

            return false;
        }

        private static ILocalSymbol? StoredIn(IObjectCreationOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
                _ => null,
            };
        }

        // Response.Cookies.Add(c) / .Set(c), Response.SetCookie(c) / AppendCookie(c): the cookie goes out here.
        private static bool IsEmitted(IOperation? operation)
        {
            if (operation is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var type = invocation.TargetMethod.ContainingType;
            return invocation.TargetMethod.Name switch
            {
                "Add" or "Set" => type?.Name is "HttpCookieCollection",
                "SetCookie" or "AppendCookie" => type?.Name is "HttpResponse" or "HttpResponseBase",
                _ => false,
            };
        }
    }
}
