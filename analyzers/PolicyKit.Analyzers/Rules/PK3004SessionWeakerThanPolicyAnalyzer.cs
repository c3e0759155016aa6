using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK3004: session, authentication-cookie or cookie options weaker than the session policy (A.11.5.5, MN-16, MIC-85).</summary>
/// <remarks>
/// Options are merged over the compilation, as ASP.NET Core merges every <c>Configure</c> of the same options: a
/// property set anywhere counts as set. Values written in source are judged where they are written; a property never
/// set is judged at the registration (<c>AddCookie</c>, <c>AddIdentity</c>, <c>AddDefaultIdentity</c>,
/// <c>AddSession</c>) with ASP.NET Core's default (<see cref="AspNetCoreSecurityDefaults"/>). Everything is decided at
/// compilation end because <c>UseCookiePolicy(new CookiePolicyOptions { Secure = CookieSecurePolicy.Always })</c>
/// anywhere makes every cookie Secure, and because <c>SlidingExpiration</c> decides whether <c>ExpireTimeSpan</c> is an
/// idle or an absolute timeout.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class PK3004SessionWeakerThanPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the enum member or literal the fix writes (<c>Always</c>, <c>true</c>, <c>Lax</c>).</summary>
    internal const string ValueProperty = "Value";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.SessionWeakerThanPolicy, RuleCategory.Session, DiagnosticSeverity.Warning,
        cwe: new[] { 614, 1004, 1275, 613 }, controls: new[] { "A.11.5.5", "MN-16", "MIC-85" },
        reportedAtCompilationEnd: true);

    private const string Default = " (ASP.NET Core default)";
    private const string AuthOwner = "CookieAuthenticationOptions";
    private const string SessionOwner = "SessionOptions";
    private const string AntiforgeryOwner = "AntiforgeryOptions";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        RegisterSystemWeb(start);
        if (!SessionCookieSymbols.TryCreate(start.Compilation, out var symbols))
        {
            return;
        }

        var analysis = new Analysis(symbols, AnalyzerPolicy.Get(start).Policy);
        start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterCompilationEndAction(analysis.ReportAtEnd);
    }

    /// <summary>Which cookie attribute a finding is about: a global cookie policy can make it moot.</summary>
    private enum Attribute
    {
        Other,
        Secure,
        HttpOnly,
        SameSite,
        Missing,
    }

    /// <summary>A finding kept until compilation end.</summary>
    private sealed class Finding
    {
        public Finding(Attribute attribute, Location location, string? fixValue, string setting, string found, string required, string clause)
        {
            Attribute = attribute;
            Location = location;
            FixValue = fixValue;
            Setting = setting;
            Found = found;
            Required = required;
            Clause = clause;
        }

        public Attribute Attribute { get; }

        public Location Location { get; }

        public string? FixValue { get; }

        public string Setting { get; }

        public string Found { get; }

        public string Required { get; }

        public string Clause { get; }

        /// <summary>For <see cref="Attribute.Missing"/>: whether Secure and HttpOnly are missing.</summary>
        public bool MissingSecure { get; set; }

        public bool MissingHttpOnly { get; set; }

        public string? CookieName { get; set; }
    }

    /// <summary>A timeout written in source, judged at the end once sliding expiration is known.</summary>
    private readonly struct TimeoutSetting
    {
        public TimeoutSetting(double? minutes, Location location)
        {
            Minutes = minutes;
            Location = location;
        }

        public double? Minutes { get; }

        public Location Location { get; }
    }

    private sealed class Analysis
    {
        private readonly SessionCookieSymbols _symbols;
        private readonly PolicySet _policy;
        private readonly SessionPolicy _session;
        private readonly ConcurrentDictionary<string, byte> _set = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<Finding> _findings = new();
        private readonly ConcurrentQueue<TimeoutSetting> _expireSettings = new();
        private readonly ConcurrentQueue<(bool? Value, Location Location)> _slidingSettings = new();
        private readonly ConcurrentQueue<IInvocationOperation> _authRegistrations = new();
        private readonly ConcurrentQueue<IInvocationOperation> _sessionRegistrations = new();
        private readonly ConcurrentQueue<CookieSameSite> _globalSameSite = new();
        private int _absoluteCap;
        private int _authBound;
        private int _sessionBound;
        private int _globalSecure;
        private int _globalHttpOnly;
        private int _cookiePolicyUsed;

        public Analysis(SessionCookieSymbols symbols, PolicySet policy)
        {
            _symbols = symbols;
            _policy = policy;
            _session = policy.Session;
        }

        private bool RequiresSecure => _session.Cookie.Secure == true;

        private bool RequiresHttpOnly => _session.Cookie.HttpOnly == true;

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property } target)
            {
                return;
            }

            var owner = property.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(owner, _symbols.CookieBuilder))
            {
                AnalyzeCookieBuilder(context, assignment, target);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.CookieAuthenticationOptions))
            {
                AnalyzeAuthentication(context, assignment, property.Name);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.SessionOptions))
            {
                AnalyzeSession(context, assignment, property.Name);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.CookiePolicyOptions))
            {
                AnalyzeCookiePolicy(context, assignment, property.Name);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.CookieAuthenticationEvents))
            {
                // OnValidatePrincipal can reject a ticket older than the absolute lifetime (ASVS 7.3.2).
                if (property.Name == "OnValidatePrincipal")
                {
                    Interlocked.Exchange(ref _absoluteCap, 1);
                }
            }
            else if (property.Name == "EventsType" && AuthorizationSymbols.InheritsFrom(target.Instance?.Type, _symbols.CookieAuthenticationOptions))
            {
                Interlocked.Exchange(ref _absoluteCap, 1);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.AuthenticationProperties) && property.Name == "ExpiresUtc")
            {
                // A sign-in ticket valid for longer than the absolute session lifetime (remember-me for 30 days).
                if (_session.AbsoluteTimeoutMinutes is int absolute
                    && ConfiguredValue.TryMinutesFromNow(assignment.Value, context.CancellationToken, out var fromNow) && fromNow > absolute)
                {
                    Add(Attribute.Other, assignment, null, "AuthenticationProperties.ExpiresUtc", "now + " + Minutes(fromNow), "at most now + " + Minutes(absolute), "session.absoluteTimeoutMinutes");
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.AuthenticationProperties) && property.Name == "AllowRefresh"
                     && ConfiguredValue.TryBool(assignment.Value, context.CancellationToken, out var refresh) && !refresh)
            {
                // AllowRefresh = false turns sliding off for the ticket: ExpiresUtc is then an absolute lifetime.
                Interlocked.Exchange(ref _absoluteCap, 1);
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "AddCookie":
                    if (SymbolEqualityComparer.Default.Equals(method.ReturnType, _symbols.AuthenticationBuilder))
                    {
                        _authRegistrations.Enqueue(invocation);
                    }

                    break;
                case "AddIdentity" or "AddDefaultIdentity":
                    // Both register Identity's application cookie with the cookie handler's defaults.
                    if (SymbolEqualityComparer.Default.Equals(method.ReturnType, _symbols.IdentityBuilder))
                    {
                        _authRegistrations.Enqueue(invocation);
                    }

                    break;
                case "AddSession":
                    if (method.ContainingType?.Name == "SessionServiceCollectionExtensions")
                    {
                        _sessionRegistrations.Enqueue(invocation);
                    }

                    break;
                case "UseCookiePolicy":
                    // CookiePolicyOptions only act once the middleware is in the pipeline.
                    Interlocked.Exchange(ref _cookiePolicyUsed, 1);
                    break;
                case "AddPolicyKit" when PolicyKitRuntime.AppliesPolicy(invocation.TargetMethod):
                    Interlocked.Exchange(ref _authBound, 1);
                    Interlocked.Exchange(ref _sessionBound, 1);
                    break;
                case "Configure" or "PostConfigure" or "Bind" or "BindConfiguration":
                    RecordBinding(invocation);
                    break;
                case "Append":
                    if (_symbols.ResponseCookies is not null && AuthorizationSymbols.Implements(method.ContainingType!, _symbols.ResponseCookies))
                    {
                        AnalyzeAppend(context, invocation);
                    }

                    break;
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            var policyApplied = Volatile.Read(ref _cookiePolicyUsed) != 0;
            var secureEverywhere = policyApplied && Volatile.Read(ref _globalSecure) != 0;
            var httpOnlyEverywhere = policyApplied && Volatile.Read(ref _globalHttpOnly) != 0;
            var sameSiteEverywhere = policyApplied && GlobalSameSiteSatisfies();
            foreach (var finding in _findings)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                // An explicit weak setting is reported even when a global cookie policy overrides it at run time: the
                // code still asks for the weaker cookie, and the override is one configuration change away from gone.
                // The global policy only answers for flags left unset.
                if (finding.Attribute == Attribute.Missing)
                {
                    ReportMissing(context, finding, secureEverywhere, httpOnlyEverywhere);
                    continue;
                }

                Report(context, finding.Location, finding.FixValue, finding.Setting, finding.Found, finding.Required, finding.Clause);
            }

            var sliding = Sliding();
            ReportExpireSettings(context, sliding);
            if (Volatile.Read(ref _authBound) == 0)
            {
                ReportSliding(context, sliding);
                foreach (var registration in _authRegistrations)
                {
                    ReportAuthenticationDefaults(context, registration, sliding, sameSiteEverywhere);
                }
            }

            if (Volatile.Read(ref _sessionBound) == 0)
            {
                foreach (var registration in _sessionRegistrations)
                {
                    ReportSessionDefaults(context, registration, secureEverywhere, sameSiteEverywhere);
                }
            }
        }

        // Configure<CookieAuthenticationOptions>(scheme, configuration.GetSection(…)), configuration.Bind("Session", o),
        // AddOptions<SessionOptions>().BindConfiguration(…): the values live in appsettings, so defaults are not judged.
        private void RecordBinding(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var fromConfiguration = method.Name is "Bind" or "BindConfiguration";
            ITypeSymbol? options = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
            foreach (var argument in invocation.Arguments)
            {
                var type = EndpointBuilderFlow.Unwrap(argument.Value).Type;
                if (type is INamedTypeSymbol { IsGenericType: true, Name: "OptionsBuilder", TypeArguments.Length: 1 } builder)
                {
                    options = builder.TypeArguments[0];
                }
                else if (type is not null && (IsOwner(type, _symbols.CookieAuthenticationOptions) || IsOwner(type, _symbols.SessionOptions)))
                {
                    options = type;
                }
                else if (IsConfiguration(type))
                {
                    fromConfiguration = true;
                }
            }

            if (!fromConfiguration || options is null)
            {
                return;
            }

            if (IsOwner(options, _symbols.CookieAuthenticationOptions))
            {
                Interlocked.Exchange(ref _authBound, 1);
            }
            else if (IsOwner(options, _symbols.SessionOptions))
            {
                Interlocked.Exchange(ref _sessionBound, 1);
            }
        }

        private static bool IsOwner(ITypeSymbol type, INamedTypeSymbol? owner) => AuthorizationSymbols.InheritsFrom(type, owner);

        // Microsoft.Extensions.Configuration.IConfiguration or anything implementing it (sections, ConfigurationManager).
        private static bool IsConfiguration(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (IsConfigurationInterface(type))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (IsConfigurationInterface(implemented))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsConfigurationInterface(ITypeSymbol type) =>
            type is { Name: "IConfiguration", ContainingNamespace: { Name: "Configuration", ContainingNamespace: { Name: "Extensions", ContainingNamespace.Name: "Microsoft" } } };

        // o.Cookie.SecurePolicy / HttpOnly / SameSite / MaxAge, for the authentication and session cookies only.
        private void AnalyzeCookieBuilder(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, IPropertyReferenceOperation target)
        {
            if (target.Instance is not IPropertyReferenceOperation { Property.Name: "Cookie" } cookie)
            {
                return;
            }

            string owner;
            if (AuthorizationSymbols.InheritsFrom(cookie.Instance?.Type ?? cookie.Property.ContainingType, _symbols.CookieAuthenticationOptions))
            {
                owner = AuthOwner;
            }
            else if (AuthorizationSymbols.InheritsFrom(cookie.Instance?.Type ?? cookie.Property.ContainingType, _symbols.SessionOptions))
            {
                owner = SessionOwner;
            }
            else if (SessionCookieSymbols.OtherFrameworkCookieOwner(cookie.Property.ContainingType) is { } other)
            {
                // TempData and antiforgery cookies travel with the session: the same flags apply (ASVS 3.3.1, 3.3.4).
                owner = other;
            }
            else
            {
                return;
            }

            var name = target.Property.Name;
            _set.TryAdd(owner + ".Cookie." + name, 0);
            var setting = owner + ".Cookie." + name;
            var ct = context.CancellationToken;
            switch (name)
            {
                case "SecurePolicy":
                    // SameAsRequest leaves the cookie without Secure on any plain-HTTP request (ASVS 3.3.1).
                    // The antiforgery token is no credential by itself: only "never Secure" is weaker than the policy there.
                    if (RequiresSecure && EnumName(assignment.Value, ct) is { } secure
                        && (secure == "None" || (secure == "SameAsRequest" && owner != AntiforgeryOwner)))
                    {
                        Add(Attribute.Secure, assignment, "Always", setting, "CookieSecurePolicy." + secure, "CookieSecurePolicy.Always", "session.cookie.secure");
                    }

                    break;
                case "HttpOnly":
                    if (RequiresHttpOnly && ConfiguredValue.TryBool(assignment.Value, ct, out var httpOnly) && !httpOnly)
                    {
                        Add(Attribute.HttpOnly, assignment, "true", setting, "false", "true", "session.cookie.httpOnly");
                    }

                    break;
                case "SameSite":
                    AddIfWeakerSameSite(assignment, setting, ct);
                    break;
                case "MaxAge":
                    if (_session.AbsoluteTimeoutMinutes is int absolute && ConfiguredValue.TryMinutes(assignment.Value, ct, out var maxAge) && maxAge > absolute)
                    {
                        Add(Attribute.Other, assignment, null, setting, Minutes(maxAge), "at most " + Minutes(absolute), "session.absoluteTimeoutMinutes");
                    }

                    break;
            }
        }

        private void AnalyzeAuthentication(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string name)
        {
            var ct = context.CancellationToken;
            switch (name)
            {
                case "ExpireTimeSpan":
                    _set.TryAdd(AuthOwner + ".ExpireTimeSpan", 0);
                    _expireSettings.Enqueue(new TimeoutSetting(
                        ConfiguredValue.TryMinutes(assignment.Value, ct, out var minutes) ? minutes : null, assignment.Syntax.GetLocation()));
                    break;
                case "SlidingExpiration":
                    _set.TryAdd(AuthOwner + ".SlidingExpiration", 0);
                    _slidingSettings.Enqueue((ConfiguredValue.TryBool(assignment.Value, ct, out var sliding) ? sliding : null, assignment.Syntax.GetLocation()));
                    break;
                case "Events":
                    Interlocked.Exchange(ref _absoluteCap, 1);
                    break;
            }
        }

        private void AnalyzeSession(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string name)
        {
            if (name != "IdleTimeout")
            {
                return;
            }

            _set.TryAdd(SessionOwner + ".IdleTimeout", 0);
            if (_session.IdleTimeoutMinutes is int idle && ConfiguredValue.TryMinutes(assignment.Value, context.CancellationToken, out var minutes) && minutes > idle)
            {
                Add(Attribute.Other, assignment, null, "SessionOptions.IdleTimeout", Minutes(minutes), "at most " + Minutes(idle), "session.idleTimeoutMinutes");
            }
        }

        // app.UseCookiePolicy(new CookiePolicyOptions { Secure = …, HttpOnly = …, MinimumSameSitePolicy = … }).
        private void AnalyzeCookiePolicy(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string name)
        {
            var ct = context.CancellationToken;
            var value = EnumName(assignment.Value, ct);
            switch (name)
            {
                case "Secure":
                    if (value == "Always")
                    {
                        Interlocked.Exchange(ref _globalSecure, 1);
                    }
                    else if (value is "None" or "SameAsRequest" && RequiresSecure)
                    {
                        Add(Attribute.Secure, assignment, "Always", "CookiePolicyOptions.Secure", "CookieSecurePolicy." + value, "CookieSecurePolicy.Always", "session.cookie.secure");
                    }

                    break;
                case "HttpOnly":
                    if (value == "Always")
                    {
                        Interlocked.Exchange(ref _globalHttpOnly, 1);
                    }
                    else if (value == "None" && RequiresHttpOnly)
                    {
                        Add(Attribute.HttpOnly, assignment, "Always", "CookiePolicyOptions.HttpOnly", "HttpOnlyPolicy.None", "HttpOnlyPolicy.Always", "session.cookie.httpOnly");
                    }

                    break;
                case "MinimumSameSitePolicy":
                    if (SameSiteRank(value) is { } rank)
                    {
                        _globalSameSite.Enqueue(rank);
                    }

                    AddIfWeakerSameSite(assignment, "CookiePolicyOptions.MinimumSameSitePolicy", ct);
                    break;
            }
        }

        // Response.Cookies.Append("session_id", value[, new CookieOptions { … }]) for cookies named like a session.
        private void AnalyzeAppend(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var ct = context.CancellationToken;
            if (invocation.TargetMethod.Parameters.Length < 2
                || invocation.TargetMethod.Parameters[0].Type.SpecialType != SpecialType.System_String
                || ArgumentAt(invocation, 0) is not { } key
                || ConfiguredValue.Constant(key, ct) is not { HasValue: true, Value: string cookieName }
                || !(SessionCookieSymbols.IsSessionCookieName(cookieName) || CarriesCredential(ArgumentAt(invocation, 1))))
            {
                return;
            }

            var missingSecure = RequiresSecure;
            var missingHttpOnly = RequiresHttpOnly;
            var options = ArgumentAt(invocation, 2);
            if (options is not null)
            {
                var value = EndpointBuilderFlow.Unwrap(options);
                var creation = value as IObjectCreationOperation ?? InitialValue.Of(value, mutableContents: true, ct) as IObjectCreationOperation;
                var later = new List<ISimpleAssignmentOperation>();
                if (creation is null && value is ILocalReferenceOperation local)
                {
                    // var options = new CookieOptions { … }; options.Expires = …; Append(name, value, options)
                    creation = CookieOptionsLocal.Creation(local, invocation, later, ct);
                }

                if (creation is null || creation.Arguments.Length != 0 || !SymbolEqualityComparer.Default.Equals(creation.Type, _symbols.CookieOptions))
                {
                    return;
                }

                AnalyzeCookieOptions(creation, later, cookieName, ref missingSecure, ref missingHttpOnly, ct);
            }

            if (missingSecure || missingHttpOnly)
            {
                _findings.Enqueue(new Finding(Attribute.Missing, CallLocation.NameAndArguments(invocation), null, string.Empty, string.Empty, string.Empty, string.Empty)
                {
                    MissingSecure = missingSecure,
                    MissingHttpOnly = missingHttpOnly,
                    CookieName = cookieName,
                });
            }
        }

        private void AnalyzeCookieOptions(IObjectCreationOperation creation, List<ISimpleAssignmentOperation> later, string cookieName, ref bool missingSecure, ref bool missingHttpOnly, CancellationToken ct)
        {
            var items = new List<IOperation>(later.Count + 4);
            if (creation.Initializer is { } initializer)
            {
                items.AddRange(initializer.Initializers);
            }

            items.AddRange(later);
            const string prefix = "CookieOptions.";
            foreach (var item in items)
            {
                if (item is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name } } assignment)
                {
                    continue;
                }

                switch (name)
                {
                    case "Secure":
                        missingSecure = false;
                        if (RequiresSecure && ConfiguredValue.TryBool(assignment.Value, ct, out var secure) && !secure)
                        {
                            Add(Attribute.Secure, assignment, "true", prefix + "Secure of cookie '" + cookieName + "'", "false", "true", "session.cookie.secure");
                        }

                        break;
                    case "HttpOnly":
                        missingHttpOnly = false;
                        if (RequiresHttpOnly && ConfiguredValue.TryBool(assignment.Value, ct, out var httpOnly) && !httpOnly)
                        {
                            Add(Attribute.HttpOnly, assignment, "true", prefix + "HttpOnly of cookie '" + cookieName + "'", "false", "true", "session.cookie.httpOnly");
                        }

                        break;
                    case "SameSite":
                        AddIfWeakerSameSite(assignment, prefix + "SameSite of cookie '" + cookieName + "'", ct);
                        break;
                    case "Expires":
                        if (_session.AbsoluteTimeoutMinutes is int absolute && ConfiguredValue.TryMinutesFromNow(assignment.Value, ct, out var fromNow) && fromNow > absolute)
                        {
                            Add(Attribute.Other, assignment, null, prefix + "Expires of cookie '" + cookieName + "'", "now + " + Minutes(fromNow), "at most now + " + Minutes(absolute), "session.absoluteTimeoutMinutes");
                        }

                        break;
                    case "MaxAge":
                        if (_session.AbsoluteTimeoutMinutes is int limit && ConfiguredValue.TryMinutes(assignment.Value, ct, out var maxAge) && maxAge > limit)
                        {
                            Add(Attribute.Other, assignment, null, prefix + "MaxAge of cookie '" + cookieName + "'", Minutes(maxAge), "at most " + Minutes(limit), "session.absoluteTimeoutMinutes");
                        }

                        break;
                }
            }
        }

        // Response.Cookies.Append("device_trust", deviceToken, …): the value says the cookie is a credential.
        internal static bool CarriesCredential(IOperation? value)
        {
            if (value is null)
            {
                return false;
            }

            var name = EndpointBuilderFlow.Unwrap(value) switch
            {
                ILocalReferenceOperation local => local.Local.Name,
                IParameterReferenceOperation parameter => parameter.Parameter.Name,
                IFieldReferenceOperation field => field.Field.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
            if (name is null)
            {
                return false;
            }

            if (CredentialNames.Classify(name) == CredentialNameKind.Secret || SessionCookieSymbols.IsSessionCookieName(name))
            {
                return true;
            }

            foreach (var word in CredentialNames.Split(name))
            {
                if (word is "ticket" or "sessionid")
                {
                    return true;
                }
            }

            return false;
        }

        private void AddIfWeakerSameSite(ISimpleAssignmentOperation assignment, string setting, CancellationToken ct)
        {
            if (_session.Cookie.SameSite is not { } required
                || EnumName(assignment.Value, ct) is not { } name
                || SameSiteRank(name) is not { } rank
                || rank >= required)
            {
                return;
            }

            Add(Attribute.SameSite, assignment, required.ToString(), setting, "SameSiteMode." + name, SameSiteRequirement(required), "session.cookie.sameSite");
        }

        private void ReportMissing(CompilationAnalysisContext context, Finding finding, bool secureEverywhere, bool httpOnlyEverywhere)
        {
            var secure = finding.MissingSecure && !secureEverywhere;
            var httpOnly = finding.MissingHttpOnly && !httpOnlyEverywhere;
            if (!secure && !httpOnly)
            {
                return;
            }

            var missing = secure && httpOnly ? "Secure and HttpOnly" : secure ? "Secure" : "HttpOnly";
            Report(context, finding.Location, null, "Cookie '" + finding.CookieName + "'", "appended without " + missing, missing,
                Clause(secure ? "session.cookie.secure" : "session.cookie.httpOnly"));
        }

        // With sliding expiration, ExpireTimeSpan is the idle timeout; without it, the lifetime of the sign-in.
        private void ReportExpireSettings(CompilationAnalysisContext context, bool? sliding)
        {
            foreach (var setting in _expireSettings)
            {
                if (setting.Minutes is not double minutes)
                {
                    continue;
                }

                if (sliding == true && _session.IdleTimeoutMinutes is int idle && minutes > idle)
                {
                    Report(context, setting.Location, null, "CookieAuthenticationOptions.ExpireTimeSpan (sliding)", Minutes(minutes), IdleRequirement(idle), Clause("session.idleTimeoutMinutes"));
                }
                else if (sliding != true && _session.AbsoluteTimeoutMinutes is int absolute && minutes > absolute)
                {
                    Report(context, setting.Location, null, "CookieAuthenticationOptions.ExpireTimeSpan", Minutes(minutes), "at most " + Minutes(absolute), Clause("session.absoluteTimeoutMinutes"));
                }
            }
        }

        private void ReportSliding(CompilationAnalysisContext context, bool? sliding)
        {
            if (sliding != true || (_authRegistrations.IsEmpty && _slidingSettings.IsEmpty))
            {
                return;
            }

            var forbidden = _session.SlidingExpirationAllowed == false;
            var uncapped = _session.AbsoluteTimeoutMinutes is int && Volatile.Read(ref _absoluteCap) == 0;
            if (!forbidden && !uncapped)
            {
                return;
            }

            var required = forbidden ? "no sliding expiration" : "an absolute lifetime of at most " + Minutes(_session.AbsoluteTimeoutMinutes!.Value);
            var clause = Clause(forbidden ? "session.slidingExpirationAllowed" : "session.absoluteTimeoutMinutes");
            var found = forbidden ? "true" : "true without an absolute cap";
            if (!_slidingSettings.IsEmpty)
            {
                foreach (var setting in _slidingSettings)
                {
                    Report(context, setting.Location, forbidden ? "false" : null, "CookieAuthenticationOptions.SlidingExpiration", found, required, clause);
                }

                return;
            }

            foreach (var registration in _authRegistrations)
            {
                Report(context, CallLocation.NameAndArguments(registration), null, "CookieAuthenticationOptions.SlidingExpiration", found + Default, required, clause);
            }
        }

        private void ReportAuthenticationDefaults(CompilationAnalysisContext context, IInvocationOperation registration, bool? sliding, bool sameSiteEverywhere)
        {
            var location = CallLocation.NameAndArguments(registration);
            if (!IsSet(AuthOwner + ".ExpireTimeSpan"))
            {
                var minutes = AspNetCoreSecurityDefaults.CookieExpireMinutes;
                if (sliding == true && _session.IdleTimeoutMinutes is int idle && minutes > idle)
                {
                    Report(context, location, null, "CookieAuthenticationOptions.ExpireTimeSpan (sliding)", Minutes(minutes) + Default, IdleRequirement(idle), Clause("session.idleTimeoutMinutes"));
                }
                else if (sliding == false && _session.AbsoluteTimeoutMinutes is int absolute && minutes > absolute)
                {
                    Report(context, location, null, "CookieAuthenticationOptions.ExpireTimeSpan", Minutes(minutes) + Default, "at most " + Minutes(absolute), Clause("session.absoluteTimeoutMinutes"));
                }
            }

            if (!sameSiteEverywhere && !IsSet(AuthOwner + ".Cookie.SameSite") && _session.Cookie.SameSite is { } required && AspNetCoreSecurityDefaults.CookieSameSite < required)
            {
                Report(context, location, null, "CookieAuthenticationOptions.Cookie.SameSite", "SameSiteMode." + AspNetCoreSecurityDefaults.CookieSameSite + Default, SameSiteRequirement(required), Clause("session.cookie.sameSite"));
            }
        }

        private void ReportSessionDefaults(CompilationAnalysisContext context, IInvocationOperation registration, bool secureEverywhere, bool sameSiteEverywhere)
        {
            var location = CallLocation.NameAndArguments(registration);
            if (!IsSet(SessionOwner + ".IdleTimeout") && _session.IdleTimeoutMinutes is int idle && AspNetCoreSecurityDefaults.SessionIdleMinutes > idle)
            {
                Report(context, location, null, "SessionOptions.IdleTimeout", Minutes(AspNetCoreSecurityDefaults.SessionIdleMinutes) + Default, "at most " + Minutes(idle), Clause("session.idleTimeoutMinutes"));
            }

            if (RequiresSecure && !secureEverywhere && !IsSet(SessionOwner + ".Cookie.SecurePolicy"))
            {
                Report(context, location, null, "SessionOptions.Cookie.SecurePolicy", "CookieSecurePolicy." + AspNetCoreSecurityDefaults.SessionCookieSecurePolicy + Default, "CookieSecurePolicy.Always", Clause("session.cookie.secure"));
            }

            if (!sameSiteEverywhere && !IsSet(SessionOwner + ".Cookie.SameSite") && _session.Cookie.SameSite is { } required && AspNetCoreSecurityDefaults.CookieSameSite < required)
            {
                Report(context, location, null, "SessionOptions.Cookie.SameSite", "SameSiteMode." + AspNetCoreSecurityDefaults.CookieSameSite + Default, SameSiteRequirement(required), Clause("session.cookie.sameSite"));
            }
        }

        // SlidingExpiration as set in source: the default when never set, unknown when set to a non-constant or to both.
        private bool? Sliding()
        {
            if (_slidingSettings.IsEmpty)
            {
                return AspNetCoreSecurityDefaults.CookieSlidingExpiration;
            }

            bool? result = null;
            foreach (var setting in _slidingSettings)
            {
                if (setting.Value is not bool value || (result is bool previous && previous != value))
                {
                    return null;
                }

                result = value;
            }

            return result;
        }

        private bool GlobalSameSiteSatisfies()
        {
            if (_session.Cookie.SameSite is not { } required)
            {
                return true;
            }

            foreach (var rank in _globalSameSite)
            {
                if (rank >= required)
                {
                    return true;
                }
            }

            return false;
        }

        private void Add(Attribute attribute, ISimpleAssignmentOperation assignment, string? fixValue, string setting, string found, string required, string path)
        {
            // The fix rewrites a literal or an enum member it can see, never a constant from elsewhere.
            var fixable = assignment.Value.Syntax is LiteralExpressionSyntax or MemberAccessExpressionSyntax ? fixValue : null;
            _findings.Enqueue(new Finding(attribute, assignment.Syntax.GetLocation(), fixable, setting, found, required, Clause(path)));
        }

        private void Report(CompilationAnalysisContext context, Location location, string? fixValue, string setting, string found, string required, string clause)
        {
            var properties = fixValue is null ? null : ImmutableDictionary<string, string?>.Empty.Add(ValueProperty, fixValue);
            context.Report(Rule, location, null, null, properties, setting, found, required, clause);
        }

        private bool IsSet(string key) => _set.ContainsKey(key);

        private string Clause(string path) => PolicyClause.Of(_policy, path);

        private static string? EnumName(IOperation value, CancellationToken ct) =>
            ConfiguredValue.TryEnum(value, ct, out var number) ? SessionCookieSymbols.EnumMemberName(EndpointBuilderFlow.Unwrap(value).Type ?? value.Type, number) : null;

        // SameSiteMode.Unspecified sends no attribute: Firefox and Safari then send the cookie cross-site as with None
        // (only Chromium defaults to Lax), so it is ranked with None (ASVS 3.3.2).
        private static CookieSameSite? SameSiteRank(string? name) => name switch
        {
            "None" or "Unspecified" => CookieSameSite.None,
            "Lax" => CookieSameSite.Lax,
            "Strict" => CookieSameSite.Strict,
            _ => null,
        };

        private static string SameSiteRequirement(CookieSameSite required) =>
            required == CookieSameSite.Strict ? "SameSiteMode.Strict" : "SameSiteMode." + required + " or stricter";

        private static string IdleRequirement(int idle) => "at most " + Minutes(idle) + " of inactivity";

        private static IOperation? ArgumentAt(IInvocationOperation invocation, int ordinal)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        private static string Minutes(double minutes)
        {
            if (minutes >= 2880 && minutes % 1440 == 0)
            {
                return (minutes / 1440).ToString(CultureInfo.InvariantCulture) + " days";
            }

            return minutes.ToString("0.##", CultureInfo.InvariantCulture) + (minutes == 1 ? " minute" : " minutes");
        }
    }
}
