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

/// <summary>PK3003: ASP.NET Core Identity password or lockout options weaker than the password policy (MN-11, MN-12, A.11.5.3, A.11.5.1).</summary>
/// <remarks>
/// Options are merged over the whole compilation: a property set anywhere (an <c>AddIdentity</c> lambda,
/// <c>Configure&lt;IdentityOptions&gt;</c>, an object initialiser) counts as set. A value written in source is judged
/// where it is written; a property never set is judged at each <c>AddIdentity</c>/<c>AddIdentityCore</c>/
/// <c>AddDefaultIdentity</c> call with ASP.NET Core's default (<see cref="AspNetCoreSecurityDefaults"/>). Options
/// bound from configuration, and values that are not constant, cannot be judged from source and stay silent.
/// <c>PasswordHasherOptions.IterationCount</c> is PK4001's (the hashing side of the same policy).
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK3003PasswordOptionsWeakerThanPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: what the code fix does (<see cref="ReplaceFix"/> or <see cref="InsertFix"/>).</summary>
    internal const string FixProperty = "Fix";

    /// <summary>Diagnostic property: the literal text the fix writes (<c>12</c>, <c>true</c>).</summary>
    internal const string ValueProperty = "Value";

    /// <summary>Replace the flagged assignment's or argument's literal with <see cref="ValueProperty"/>.</summary>
    internal const string ReplaceFix = "Replace";

    /// <summary>Add <c>o.Password.RequiredLength = N;</c> to the options lambda of the flagged call.</summary>
    internal const string InsertFix = "InsertRequiredLength";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.PasswordOptionsWeakerThanPolicy, RuleCategory.Authentication, DiagnosticSeverity.Warning,
        cwe: new[] { 521, 307 }, controls: new[] { "MN-11", "MN-12", "A.11.5.3", "A.11.5.1" },
        reportedAtCompilationEnd: true);

    private const string Default = " (ASP.NET Core default)";

    // The rule's own severity; the policy bridge raises it where the application profile makes it mandatory.
    private static readonly DiagnosticSeverity? RuleSeverity = null;
    private static readonly string[] ClassProperties = { "RequireDigit", "RequireLowercase", "RequireUppercase", "RequireNonAlphanumeric" };
    private static readonly CharacterClasses[] ClassOfProperty = { CharacterClasses.Digit, CharacterClasses.Lower, CharacterClasses.Upper, CharacterClasses.Symbol };
    private static readonly string[] ClassNames = { "a digit", "a lower-case letter", "an upper-case letter", "a symbol" };

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
        if (!IdentityOptionSymbols.TryCreate(start.Compilation, out var symbols))
        {
            return;
        }

        var analysis = new Analysis(symbols, AnalyzerPolicy.Get(start).Policy);
        start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
        start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
        start.RegisterCompilationEndAction(analysis.ReportAtEnd);
    }

    /// <summary>A Require* property set to a constant, kept for the class-count check at compilation end.</summary>
    private readonly struct ClassSetting
    {
        public ClassSetting(int index, bool? value, Location location)
        {
            Index = index;
            Value = value;
            Location = location;
        }

        public int Index { get; }

        /// <summary>The constant, or null when the value is not constant.</summary>
        public bool? Value { get; }

        public Location Location { get; }
    }

    private sealed class Analysis
    {
        private readonly IdentityOptionSymbols _symbols;
        private readonly PolicySet _policy;
        private readonly PasswordPolicy _password;
        private readonly ConcurrentDictionary<string, byte> _set = new(StringComparer.Ordinal);
        private readonly ConcurrentQueue<IInvocationOperation> _registrations = new();
        private readonly ConcurrentQueue<ClassSetting> _classSettings = new();
        private int _boundFromConfiguration;
        private readonly ConcurrentQueue<(IMethodSymbol Method, int Ordinal, string Property)> _helperParameters = new();
        private readonly ConcurrentQueue<(IMethodSymbol Method, int Ordinal, int Value, Location Location)> _constantArguments = new();

        public Analysis(IdentityOptionSymbols symbols, PolicySet policy)
        {
            _symbols = symbols;
            _policy = policy;
            _password = policy.Password;
        }

        private bool ForbidsComposition => _password.ForbidCompositionRules == true;

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            var owner = property.ContainingType;
            if (SymbolEqualityComparer.Default.Equals(owner, _symbols.PasswordOptions))
            {
                _set.TryAdd(property.Name, 0);
                AnalyzePassword(context, assignment, property.Name);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.LockoutOptions))
            {
                _set.TryAdd(property.Name, 0);
                AnalyzeLockout(context, assignment, property.Name);
            }
            else if (SymbolEqualityComparer.Default.Equals(owner, _symbols.IdentityOptions) && property.Name is "Password" or "Lockout")
            {
                // o.Password = new PasswordOptions { … }: the properties the initialiser leaves out keep their defaults,
                // which the registration check still judges; the whole object coming from elsewhere cannot be judged.
                if (EndpointBuilderFlow.Unwrap(assignment.Value) is not IObjectCreationOperation)
                {
                    Interlocked.Exchange(ref _boundFromConfiguration, 1);
                }
            }
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "AddIdentity" or "AddIdentityCore" or "AddDefaultIdentity":
                    if (SymbolEqualityComparer.Default.Equals(method.ReturnType, _symbols.IdentityBuilder))
                    {
                        _registrations.Enqueue(invocation);
                    }

                    break;
                case "PasswordSignInAsync" or "CheckPasswordSignInAsync":
                    AnalyzeSignIn(context, invocation);
                    break;
                case "CheckPasswordAsync":
                    AnalyzeDirectPasswordCheck(context, invocation);
                    break;
                case "AddPolicyKit" when PolicyKitRuntime.AppliesPolicy(method):
                    Interlocked.Exchange(ref _boundFromConfiguration, 1);
                    break;
                case "Configure" or "PostConfigure" or "Bind" or "BindConfiguration":
                    if (IsBoundFromConfiguration(invocation))
                    {
                        Interlocked.Exchange(ref _boundFromConfiguration, 1);
                    }

                    break;
                default:
                    RecordConstantArguments(invocation);
                    break;
            }
        }

        public void ReportAtEnd(CompilationAnalysisContext context)
        {
            ReportClassCount(context);
            ReportHelperCalls(context);
            if (Volatile.Read(ref _boundFromConfiguration) != 0)
            {
                return;
            }

            foreach (var registration in _registrations)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                ReportDefaults(context, registration);
            }
        }

        private void AnalyzePassword(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string name)
        {
            var ct = context.CancellationToken;
            if (name == "RequiredLength")
            {
                RecordHelperParameter(assignment.Value, name);
                if (_password.MinimumLength is int minimum && ConfiguredValue.TryInt(assignment.Value, ct, out var length) && length < minimum)
                {
                    context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(assignment.Value, N(minimum)),
                        "PasswordOptions.RequiredLength", N(length), "at least " + N(minimum), Clause("password.minimumLength"));
                }

                return;
            }

            var index = Array.IndexOf(ClassProperties, name);
            if (index < 0)
            {
                return;
            }

            bool? value = ConfiguredValue.TryBool(assignment.Value, ct, out var flag) ? flag : null;
            _classSettings.Enqueue(new ClassSetting(index, value, assignment.Syntax.GetLocation()));
            if (value == true && ForbidsComposition)
            {
                // NIST SP 800-63B §3.1.1.2 / ASVS 6.2.5: composition rules push users to predictable passwords.
                context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(assignment.Value, "false"),
                    "PasswordOptions." + name, "true", "no composition rules", Clause("password.forbidCompositionRules"));
            }
            else if (value == false && !ForbidsComposition && _password.RequiredClasses is { } required && (required & ClassOfProperty[index]) != 0)
            {
                context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(assignment.Value, "true"),
                    "PasswordOptions." + name, "false", ClassNames[index] + " in every password", Clause("password.requiredClasses"));
            }
        }

        private void AnalyzeLockout(OperationAnalysisContext context, ISimpleAssignmentOperation assignment, string name)
        {
            var ct = context.CancellationToken;
            var lockout = _password.Lockout;
            switch (name)
            {
                case "MaxFailedAccessAttempts":
                    RecordHelperParameter(assignment.Value, name);
                    if (lockout.Threshold is int threshold && ConfiguredValue.TryInt(assignment.Value, ct, out var attempts) && attempts > threshold)
                    {
                        context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(assignment.Value, N(threshold)),
                            "LockoutOptions.MaxFailedAccessAttempts", N(attempts), "at most " + N(threshold), Clause("password.lockout.threshold"));
                    }

                    break;
                case "DefaultLockoutTimeSpan":
                    if (lockout.DurationMinutes is int duration && ConfiguredValue.TryMinutes(assignment.Value, ct, out var minutes) && minutes < duration)
                    {
                        context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, null,
                            "LockoutOptions.DefaultLockoutTimeSpan", Minutes(minutes), "at least " + Minutes(duration), Clause("password.lockout.durationMinutes"));
                    }

                    break;
                case "AllowedForNewUsers":
                    if (lockout.Threshold is int limit && ConfiguredValue.TryBool(assignment.Value, ct, out var allowed) && !allowed)
                    {
                        context.Report(Rule, assignment.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(assignment.Value, "true"),
                            "LockoutOptions.AllowedForNewUsers", "false", LockoutAfter(limit), Clause("password.lockout.threshold"));
                    }

                    break;
            }
        }

        // await signInManager.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure: false)
        private void AnalyzeSignIn(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (_password.Lockout.Threshold is not int threshold
                || _symbols.SignInManager is null
                || !AuthorizationSymbols.InheritsFrom(invocation.TargetMethod.ContainingType, _symbols.SignInManager))
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name != "lockoutOnFailure" || argument.IsImplicit)
                {
                    continue;
                }

                if (ConfiguredValue.TryBool(argument.Value, context.CancellationToken, out var lockout) && !lockout)
                {
                    context.Report(Rule, argument.Value.Syntax.GetLocation(), RuleSeverity, ReplaceProperties(argument.Value, "true"),
                        "lockoutOnFailure of SignInManager." + invocation.TargetMethod.Name, "false", LockoutAfter(threshold), Clause("password.lockout.threshold"));
                }

                return;
            }
        }

        // ApplyPasswordRules(options.Password, 8) where the helper does password.RequiredLength = length: the value is
        // decided at the call, so the call is judged (ASVS 6.2.1 applies to what the application ends up configuring).
        private void RecordHelperParameter(IOperation value, string property)
        {
            if (EndpointBuilderFlow.Unwrap(value) is IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method } parameter })
            {
                _helperParameters.Enqueue((method.OriginalDefinition, parameter.Ordinal, property));
            }
        }

        private void RecordConstantArguments(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.MethodKind != MethodKind.Ordinary || method.DeclaringSyntaxReferences.IsEmpty)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_Int32 } parameter
                    && argument.Value.ConstantValue is { HasValue: true, Value: int value })
                {
                    _constantArguments.Enqueue((method.OriginalDefinition, parameter.Ordinal, value, argument.Value.Syntax.GetLocation()));
                }
            }
        }

        private void ReportHelperCalls(CompilationAnalysisContext context)
        {
            foreach (var helper in _helperParameters)
            {
                foreach (var call in _constantArguments)
                {
                    if (call.Ordinal != helper.Ordinal || !SymbolEqualityComparer.Default.Equals(call.Method, helper.Method))
                    {
                        continue;
                    }

                    if (helper.Property == "RequiredLength" && _password.MinimumLength is int minimum && call.Value < minimum)
                    {
                        context.Report(Rule, call.Location, helper.Method, RuleSeverity, null,
                            "PasswordOptions.RequiredLength (set by " + helper.Method.Name + ")", N(call.Value), "at least " + N(minimum), Clause("password.minimumLength"));
                    }
                    else if (helper.Property == "MaxFailedAccessAttempts" && _password.Lockout.Threshold is int threshold && call.Value > threshold)
                    {
                        context.Report(Rule, call.Location, helper.Method, RuleSeverity, null,
                            "LockoutOptions.MaxFailedAccessAttempts (set by " + helper.Method.Name + ")", N(call.Value), "at most " + N(threshold), Clause("password.lockout.threshold"));
                    }
                }
            }
        }

        // var user = await users.FindByEmailAsync(email); … await users.CheckPasswordAsync(user, password): a sign-in that
        // never calls AccessFailedAsync counts no failures, so the lockout the policy requires never happens (ASVS 6.3.1).
        // A re-check of the signed-in user's password (GetUserAsync(User)) is a confirmation, not a sign-in, and is left alone.
        private void AnalyzeDirectPasswordCheck(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (_password.Lockout.Threshold is not int threshold
                || invocation.TargetMethod.ContainingType is not { Name: "UserManager" } manager
                || manager.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Identity"
                || invocation.Arguments.Length < 1
                || !IsLookedUpByLoginName(invocation.Arguments[0].Value, context.CancellationToken))
            {
                return;
            }

            foreach (var operation in SourceMethodBodies.Root(invocation).Descendants())
            {
                if (operation is IInvocationOperation { TargetMethod.Name: "AccessFailedAsync" or "IsLockedOutAsync" or "CheckPasswordSignInAsync" or "PasswordSignInAsync" })
                {
                    return;
                }
            }

            context.Report(Rule, invocation.Syntax.GetLocation(), RuleSeverity, null,
                "UserManager.CheckPasswordAsync used for sign-in", "without AccessFailedAsync (failures never counted)", LockoutAfter(threshold), Clause("password.lockout.threshold"));
        }

        private static bool IsLookedUpByLoginName(IOperation user, System.Threading.CancellationToken cancellationToken)
        {
            var value = EndpointBuilderFlow.Unwrap(user);
            if (value is ILocalReferenceOperation)
            {
                value = InitialValue.Of(value, mutableContents: false, cancellationToken) ?? value;
            }

            if (value is IAwaitOperation awaited)
            {
                value = awaited.Operation;
            }

            return EndpointBuilderFlow.Unwrap(value) is IInvocationOperation { TargetMethod.Name: "FindByEmailAsync" or "FindByNameAsync" or "FindByLoginAsync" };
        }

        // services.Configure<IdentityOptions>(configuration.GetSection("Identity")),
        // services.AddOptions<IdentityOptions>().BindConfiguration("Identity"), section.Bind(identityOptions).
        private bool IsBoundFromConfiguration(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is "Configure" or "PostConfigure")
            {
                if (method.TypeArguments.Length != 1 || !_symbols.IsJudgedOptions(method.TypeArguments[0]))
                {
                    return false;
                }

                foreach (var argument in invocation.Arguments)
                {
                    if (_symbols.IsConfiguration(EndpointBuilderFlow.Unwrap(argument.Value).Type))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (invocation.Instance?.Type is INamedTypeSymbol { IsGenericType: true } builder
                && SymbolEqualityComparer.Default.Equals(builder.OriginalDefinition, _symbols.OptionsBuilder)
                && _symbols.IsJudgedOptions(builder.TypeArguments[0]))
            {
                return true;
            }

            foreach (var argument in invocation.Arguments)
            {
                var type = EndpointBuilderFlow.Unwrap(argument.Value).Type;
                if (_symbols.IsJudgedOptions(type))
                {
                    return true;
                }

                // services.AddOptions<IdentityOptions>().Bind(section) is an extension on OptionsBuilder<T>.
                if (type is INamedTypeSymbol { IsGenericType: true } named
                    && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, _symbols.OptionsBuilder)
                    && _symbols.IsJudgedOptions(named.TypeArguments[0]))
                {
                    return true;
                }
            }

            return false;
        }

        private void ReportDefaults(CompilationAnalysisContext context, IInvocationOperation registration)
        {
            var location = CallLocation.NameAndArguments(registration);
            if (_password.MinimumLength is int minimum && !IsSet("RequiredLength") && AspNetCoreSecurityDefaults.RequiredLength < minimum)
            {
                var properties = HasOptionsBlock(registration)
                    ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, InsertFix).Add(ValueProperty, N(minimum))
                    : null;
                context.Report(Rule, location, null, null, properties,
                    "PasswordOptions.RequiredLength", N(AspNetCoreSecurityDefaults.RequiredLength) + Default, "at least " + N(minimum), Clause("password.minimumLength"));
            }

            if (ForbidsComposition && AspNetCoreSecurityDefaults.RequireCharacterClass)
            {
                var unset = new List<string>(ClassProperties.Length);
                foreach (var name in ClassProperties)
                {
                    if (!IsSet(name))
                    {
                        unset.Add(name);
                    }
                }

                if (unset.Count > 0)
                {
                    context.Report(Rule, location, null, null, null,
                        "PasswordOptions." + string.Join("/", unset), "true" + Default, "no composition rules", Clause("password.forbidCompositionRules"));
                }
            }

            var lockout = _password.Lockout;
            if (lockout.Threshold is int threshold && !IsSet("MaxFailedAccessAttempts") && AspNetCoreSecurityDefaults.MaxFailedAccessAttempts > threshold)
            {
                context.Report(Rule, location, null, null, null,
                    "LockoutOptions.MaxFailedAccessAttempts", N(AspNetCoreSecurityDefaults.MaxFailedAccessAttempts) + Default, "at most " + N(threshold), Clause("password.lockout.threshold"));
            }

            if (lockout.DurationMinutes is int duration && !IsSet("DefaultLockoutTimeSpan") && AspNetCoreSecurityDefaults.DefaultLockoutMinutes < duration)
            {
                context.Report(Rule, location, null, null, null,
                    "LockoutOptions.DefaultLockoutTimeSpan", Minutes(AspNetCoreSecurityDefaults.DefaultLockoutMinutes) + Default, "at least " + Minutes(duration), Clause("password.lockout.durationMinutes"));
            }
        }

        // password.minimumClassCount (MN-12: a mix of classes): Identity can only require named classes, so count them.
        private void ReportClassCount(CompilationAnalysisContext context)
        {
            if (_password.MinimumClassCount is not int minimum || ForbidsComposition || _classSettings.IsEmpty)
            {
                return;
            }

            var required = new bool[ClassProperties.Length];
            for (var i = 0; i < required.Length; i++)
            {
                required[i] = AspNetCoreSecurityDefaults.RequireCharacterClass;
            }

            Location? first = null;
            foreach (var setting in _classSettings)
            {
                if (setting.Value is not bool value)
                {
                    return;
                }

                required[setting.Index] &= value;
                if (!value && (first is null || Precedes(setting.Location, first)))
                {
                    first = setting.Location;
                }
            }

            var count = 0;
            foreach (var flag in required)
            {
                count += flag ? 1 : 0;
            }

            if (count < minimum && first is not null)
            {
                context.Report(Rule, first, null, null, null,
                    "PasswordOptions.Require*", N(count) + " character classes", "at least " + N(minimum) + " character classes", Clause("password.minimumClassCount"));
            }
        }

        private bool IsSet(string property) => _set.ContainsKey(property);

        private string Clause(string path) => PolicyClause.Of(_policy, path);

        private static bool Precedes(Location a, Location b)
        {
            var byPath = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && a.SourceSpan.Start < b.SourceSpan.Start);
        }

        // The fix rewrites only a literal it can see; a constant from a local or a field is left to the developer.
        private static ImmutableDictionary<string, string?>? ReplaceProperties(IOperation value, string replacement) =>
            value.Syntax is LiteralExpressionSyntax
                ? ImmutableDictionary<string, string?>.Empty.Add(FixProperty, ReplaceFix).Add(ValueProperty, replacement)
                : null;

        // AddIdentity<TUser, TRole>(options => { … }): the fix can add a statement to the block.
        private static bool HasOptionsBlock(IInvocationOperation registration)
        {
            foreach (var argument in registration.Arguments)
            {
                if (EndpointBuilderFlow.Unwrap(argument.Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }
                    && lambda.Symbol.Parameters.Length == 1
                    && lambda.Syntax is LambdaExpressionSyntax { Body: BlockSyntax })
                {
                    return true;
                }
            }

            return false;
        }

        private static string LockoutAfter(int threshold) => "lockout after " + N(threshold) + " failed attempts";

        private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static string Minutes(double minutes) =>
            minutes.ToString("0.##", CultureInfo.InvariantCulture) + (minutes == 1 ? " minute" : " minutes");
    }
}
