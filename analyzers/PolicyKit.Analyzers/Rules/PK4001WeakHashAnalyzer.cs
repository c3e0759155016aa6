using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK4001: a hash or password hashing setting weaker than the policy (A.12.3.1, A.11.5.3).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK4001WeakHashAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the type a code fix may substitute (e.g. <c>SHA256</c>).</summary>
    public const string ReplacementTypeProperty = "ReplacementType";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.WeakHash,
        RuleCategory.Cryptography,
        DiagnosticSeverity.Warning,
        cwe: new[] { 327, 328, 916 },
        controls: new[] { "A.12.3.1", "A.11.5.3", "NIST SP 800-131A §9", "ASVS 4.0.3 2.4.3" });

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (HashSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var analysis = new Analysis(symbols, CryptoThresholds.Get(start));
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            if (symbols.HashAlgorithmName is not null)
            {
                start.RegisterOperationAction(analysis.AnalyzeHashName, OperationKind.PropertyReference);
            }

            if (symbols.PasswordHasherOptions is not null)
            {
                start.RegisterOperationAction(analysis.AnalyzeHasherOption, OperationKind.SimpleAssignment);
            }
        });
    }

    private sealed class Analysis
    {
        private readonly HashSymbols symbols;
        private readonly CryptoThresholds thresholds;
        private readonly ImmutableDictionary<string, string?> fixProperties;

        public Analysis(HashSymbols symbols, CryptoThresholds thresholds)
        {
            this.symbols = symbols;
            this.thresholds = thresholds;
            var replacement = HashSymbols.TypeNameOf(thresholds.MinimumHash);
            fixProperties = replacement is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(ReplacementTypeProperty, replacement);
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.DeclaringSyntaxReferences.IsEmpty)
            {
                ReportHashNameHelper(context, invocation);
                return;
            }

            if (!method.IsStatic)
            {
                return;
            }

            if (method.TypeArguments.Length == 2)
            {
                ReportPasswordHasherRegistration(context, invocation);
                return;
            }

            var type = method.ContainingType;
            if (symbols.HashOf(type) is { } hash)
            {
                AnalyzeStaticHashCall(context, invocation, hash);
            }
            else if (method.Name == "Create" && symbols.IsNamedFactory(type) && invocation.Arguments.Length == 1)
            {
                ReportNamedHash(context, invocation);
            }
            else if (method.Name == "CreateFromName" && SymbolEqualityComparer.Default.Equals(type, symbols.CryptoConfig))
            {
                ReportNamedHash(context, invocation);
            }
            else if (method.Name == "HashPasswordForStoringInConfigFile" && SymbolEqualityComparer.Default.Equals(type, symbols.FormsAuthentication))
            {
                // System.Web: FormsAuthentication.HashPasswordForStoringInConfigFile(password, "SHA1"|"MD5") — an unsalted
                // password hash named by its second argument.
                ReportNamedHash(context, invocation, "passwordFormat");
            }
            else if (method.Name == "Pbkdf2" && (SymbolEqualityComparer.Default.Equals(type, symbols.Rfc2898DeriveBytes)
                || SymbolEqualityComparer.Default.Equals(type, symbols.KeyDerivation)))
            {
                AnalyzePbkdf2(context, invocation, invocation.Arguments, defaultsToSha1: false);
            }
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type)
            {
                return;
            }

            if (symbols.HashOf(type) is { } hash)
            {
                if (thresholds.IsWeakHash(hash))
                {
                    Report(context, creation, PasswordFlowsInto(creation), ImmutableDictionary<string, string?>.Empty, hash, thresholds.MinimumHash);
                }
            }
            else if (SymbolEqualityComparer.Default.Equals(type, symbols.Rfc2898DeriveBytes))
            {
                // Rfc2898DeriveBytes(password, salt) defaults to HMAC-SHA1 and 1,000 iterations.
                AnalyzePbkdf2(context, creation, creation.Arguments, defaultsToSha1: true);
            }
        }

        public void AnalyzeHashName(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            var property = reference.Property;
            if (!property.IsStatic || !SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.HashAlgorithmName))
            {
                return;
            }

            var hash = CryptoThresholds.CanonicalHash(property.Name);
            if (!thresholds.IsWeakHash(hash) || SkipConversions(reference.Parent) is not IArgumentOperation argument)
            {
                return;
            }

            // Comparisons (name == HashAlgorithmName.SHA1) read a name; only an argument chooses the algorithm.
            // The PBKDF2 calls report their hash together with their iteration count.
            if (argument.Parent is IInvocationOperation { TargetMethod.Name: "Pbkdf2" } call
                && SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, symbols.Rfc2898DeriveBytes))
            {
                return;
            }

            if (argument.Parent is IObjectCreationOperation creation
                && SymbolEqualityComparer.Default.Equals(creation.Type, symbols.Rfc2898DeriveBytes))
            {
                return;
            }

            Report(context, reference, passwordInput: false, ImmutableDictionary<string, string?>.Empty, hash, thresholds.MinimumHash);
        }

        public void AnalyzeHasherOption(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target
                || !SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, symbols.PasswordHasherOptions))
            {
                return;
            }

            var value = SkipConversionsDown(assignment.Value);
            var minimum = thresholds.MinimumPbkdf2Iterations;
            if (target.Property.Name == "IterationCount" && value.ConstantValue is { HasValue: true, Value: int count } && count < minimum)
            {
                Report(context, assignment, passwordInput: true, ImmutableDictionary<string, string?>.Empty,
                    "PasswordHasherOptions.IterationCount = " + count.ToString(CultureInfo.InvariantCulture),
                    Iterations(minimum));
            }
            else if (target.Property.Name == "CompatibilityMode" && value is IFieldReferenceOperation { Field.Name: "IdentityV2" })
            {
                // Identity V2 hashes are PBKDF2-HMAC-SHA1 with 1,000 iterations (ASP.NET Core PasswordHasher).
                Report(context, assignment, passwordInput: true, ImmutableDictionary<string, string?>.Empty,
                    "PasswordHasherCompatibilityMode.IdentityV2 (PBKDF2-HMAC-SHA1, 1000 iterations)",
                    thresholds.MinimumHash + " and " + Iterations(minimum));
            }
        }

        private void AnalyzeStaticHashCall(OperationAnalysisContext context, IInvocationOperation invocation, string hash)
        {
            var method = invocation.TargetMethod;
            var isCreate = method.Name == "Create";
            if (!isCreate && method.Name is not ("HashData" or "HashDataAsync" or "TryHashData"))
            {
                return;
            }

            if (!thresholds.IsWeakHash(hash))
            {
                // ASVS 5.0 11.4.2 / CWE-916: even an approved hash is far too fast for passwords; only an unkeyed
                // hash is judged (an HMAC with a server-side key is a pepper, not a plain digest).
                if (method.ContainingType.Name.StartsWith("HMAC", StringComparison.Ordinal)
                    || !(isCreate ? PasswordFlowsInto(invocation, strict: true) : HasPasswordSource(invocation.Arguments, strict: true)))
                {
                    return;
                }

                Report(context, invocation, passwordInput: true, ImmutableDictionary<string, string?>.Empty,
                    hash + " of a password (no salt, no work factor)", "PBKDF2 with " + Iterations(thresholds.MinimumPbkdf2Iterations));
                return;
            }

            var password = isCreate ? PasswordFlowsInto(invocation) : HasPasswordSource(invocation.Arguments);
            var properties = IsFixable(method) ? fixProperties : ImmutableDictionary<string, string?>.Empty;
            Report(context, invocation, password, properties, hash, thresholds.MinimumHash);
        }

        /// <summary>
        /// <c>key.SignData(data, ForLegacyPartner(), …)</c> with <c>ForLegacyPartner() => HashAlgorithmName.MD5</c>: the
        /// helper chooses the hash for the call it is passed to. Helpers in the same file are read.
        /// </summary>
        private void ReportHashNameHelper(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!SymbolEqualityComparer.Default.Equals(method.ReturnType, symbols.HashAlgorithmName)
                || SkipConversions(invocation.Parent) is not IArgumentOperation
                || invocation.SemanticModel is not { } model
                || SourceMethodBodies.Get(method, model, context.CancellationToken) is not { } body)
            {
                return;
            }

            foreach (var operation in SourceMethodBodies.OwnOperations(body))
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && WeakHashName(returned, depth: 0) is { } hash)
                {
                    Report(context, invocation, passwordInput: false, ImmutableDictionary<string, string?>.Empty,
                        hash + " (chosen by " + method.Name + ")", thresholds.MinimumHash);
                    return;
                }
            }
        }

        // HashAlgorithmName.MD5, or either branch of ?: / the fallback of ??.
        private string? WeakHashName(IOperation value, int depth)
        {
            switch (SkipConversionsDown(value))
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true } property }
                    when SymbolEqualityComparer.Default.Equals(property.ContainingType, symbols.HashAlgorithmName):
                    var hash = CryptoThresholds.CanonicalHash(property.Name);
                    return thresholds.IsWeakHash(hash) ? hash : null;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when depth < 4:
                    return WeakHashName(conditional.WhenTrue, depth + 1) ?? WeakHashName(whenFalse, depth + 1);
                case ICoalesceOperation coalesce when depth < 4:
                    return WeakHashName(coalesce.WhenNull, depth + 1);
                default:
                    return null;
            }
        }

        /// <summary>
        /// <c>services.AddScoped&lt;IPasswordHasher&lt;User&gt;, Sha512PasswordHasher&gt;()</c> whose HashPassword is one
        /// round of a fast hash: it replaces Identity's PBKDF2 for every account (ASVS 5.0 11.4.2, CWE-916).
        /// A hasher that derives with PBKDF2, Argon2, bcrypt or scrypt, or hashes in a loop, is left alone.
        /// </summary>
        private void ReportPasswordHasherRegistration(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name is not ("AddScoped" or "AddSingleton" or "AddTransient" or "TryAddScoped" or "TryAddSingleton" or "TryAddTransient")
                || method.TypeArguments[0] is not INamedTypeSymbol { Name: "IPasswordHasher", Arity: 1 } service
                || service.ContainingNamespace?.ToDisplayString() != "Microsoft.AspNetCore.Identity"
                || method.TypeArguments[1] is not INamedTypeSymbol implementation
                || invocation.SemanticModel is not { } model)
            {
                return;
            }

            foreach (var member in implementation.GetMembers("HashPassword"))
            {
                if (member is IMethodSymbol hashPassword && SourceMethodBodies.Get(hashPassword, model, context.CancellationToken) is { } body
                    && SingleFastHash(body) is { } hash)
                {
                    Report(context, invocation, passwordInput: true, ImmutableDictionary<string, string?>.Empty,
                        implementation.Name + " (one " + hash + " round for passwords)", "PBKDF2 with " + Iterations(thresholds.MinimumPbkdf2Iterations));
                    return;
                }
            }
        }

        private string? SingleFastHash(IOperation body)
        {
            string? hash = null;
            foreach (var operation in SourceMethodBodies.OwnOperations(body))
            {
                INamedTypeSymbol? type;
                switch (operation)
                {
                    case ILoopOperation:
                        return null;
                    case IInvocationOperation call:
                        type = call.TargetMethod.IsStatic ? call.TargetMethod.ContainingType : call.Instance?.Type as INamedTypeSymbol;
                        if (IsKeyDerivation(type))
                        {
                            return null;
                        }

                        if (call.TargetMethod.Name is "HashData" or "ComputeHash" or "TryHashData" or "TryComputeHash")
                        {
                            hash ??= symbols.HashOf(type);
                        }

                        break;
                    case IObjectCreationOperation creation:
                        if (IsKeyDerivation(creation.Type as INamedTypeSymbol))
                        {
                            return null;
                        }

                        break;
                }
            }

            return hash;
        }

        private bool IsKeyDerivation(INamedTypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, symbols.Rfc2898DeriveBytes) || SymbolEqualityComparer.Default.Equals(type, symbols.KeyDerivation)
                || type.Name.IndexOf("Argon2", StringComparison.OrdinalIgnoreCase) >= 0 || type.Name.IndexOf("BCrypt", StringComparison.OrdinalIgnoreCase) >= 0
                || type.Name.IndexOf("Scrypt", StringComparison.OrdinalIgnoreCase) >= 0 || type.Name.StartsWith("PasswordHasher", StringComparison.Ordinal));

        private void ReportNamedHash(OperationAnalysisContext context, IInvocationOperation invocation, string? parameterName = null)
        {
            var argument = parameterName is null ? (invocation.Arguments.Length == 0 ? null : invocation.Arguments[0]) : ArgumentNamed(invocation, parameterName);
            if (argument is null
                || SkipConversionsDown(argument.Value).ConstantValue is not { HasValue: true, Value: string name }
                || HashSymbols.HashOfName(name) is not { } hash
                || !thresholds.IsWeakHash(hash))
            {
                return;
            }

            Report(context, invocation, PasswordFlowsInto(invocation), ImmutableDictionary<string, string?>.Empty, hash, thresholds.MinimumHash);
        }

        private static IArgumentOperation? ArgumentNamed(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return argument;
                }
            }

            return null;
        }

        private void AnalyzePbkdf2(OperationAnalysisContext context, IOperation call, ImmutableArray<IArgumentOperation> arguments, bool defaultsToSha1)
        {
            string? hash = defaultsToSha1 ? "SHA-1" : null;
            int? iterations = defaultsToSha1 ? 1000 : null;
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                var value = SkipConversionsDown(argument.Value);
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.HashAlgorithmName))
                {
                    hash = value is IPropertyReferenceOperation { Property.IsStatic: true } named
                        && SymbolEqualityComparer.Default.Equals(named.Property.ContainingType, symbols.HashAlgorithmName)
                        ? CryptoThresholds.CanonicalHash(named.Property.Name)
                        : null;
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.KeyDerivationPrf))
                {
                    hash = value is IFieldReferenceOperation prf && prf.Field.Name.StartsWith("HMAC", System.StringComparison.Ordinal)
                        ? CryptoThresholds.CanonicalHash(prf.Field.Name.Substring(4))
                        : null;
                }
                else if (parameter.Name is "iterations" or "iterationCount")
                {
                    iterations = value.ConstantValue is { HasValue: true, Value: int count } ? count : null;
                }
            }

            var weakHash = hash is not null && thresholds.IsWeakHash(hash);
            var minimum = thresholds.MinimumPbkdf2Iterations;
            var fewIterations = iterations is { } n && n < minimum;
            if (!weakHash && !fewIterations)
            {
                return;
            }

            var found = hash is null ? "PBKDF2" : "PBKDF2-HMAC-" + hash.Replace("-", string.Empty);
            if (fewIterations)
            {
                found += " with " + iterations!.Value.ToString(CultureInfo.InvariantCulture) + " iterations";
            }

            var required = weakHash && fewIterations ? thresholds.MinimumHash + " and " + Iterations(minimum)
                : weakHash ? thresholds.MinimumHash
                : Iterations(minimum);

            // A password-based KDF always hashes a password (CWE-916): report at the higher severity.
            Report(context, call, passwordInput: true, ImmutableDictionary<string, string?>.Empty, found, required);
        }

        private static bool IsFixable(IMethodSymbol method)
        {
            // Create() and the one-shot HashData overloads that return a new array (or stream task) keep compiling
            // with SHA256 in place of MD5; overloads that write into a caller's span would need a larger buffer.
            if (method.Name == "Create")
            {
                return method.Parameters.Length == 0;
            }

            if (method.Name == "TryHashData")
            {
                return false;
            }

            foreach (var parameter in method.Parameters)
            {
                if (parameter.Name == "destination" || parameter.Name == "key")
                {
                    return false;
                }
            }

            return true;
        }

        private static string Iterations(int count) => count.ToString(CultureInfo.InvariantCulture) + " iterations";

        private static void Report(OperationAnalysisContext context, IOperation at, bool passwordInput,
            ImmutableDictionary<string, string?> properties, string found, string required)
        {
            // A weak hash of a password is worse than one of a file: offline guessing is cheap (CWE-916).
            var severity = passwordInput ? DiagnosticSeverity.Error : Rule.DefaultSeverity;
            context.Report(Rule, at.Syntax.GetLocation(), severity, properties, found, required);
        }
    }

    private static bool HasPasswordSource(ImmutableArray<IArgumentOperation> arguments, bool strict = false)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Name: "source" or "inputStream" or "data" } && IsPasswordInput(argument.Value, strict))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a hash object made here hashes a password: directly, or through the local it is stored in.</summary>
    private static bool PasswordFlowsInto(IOperation creation, bool strict = false)
    {
        var parent = SkipConversions(creation.Parent);
        if (parent is IInvocationOperation call && call.Instance is not null && IsComputeHash(call))
        {
            return HasPasswordArgument(call, strict);
        }

        if (parent is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
        {
            return false;
        }

        var root = declarator;
        IOperation top = root;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        foreach (var operation in top.Descendants())
        {
            if (operation is IInvocationOperation use
                && SkipConversionsDown(use.Instance) is ILocalReferenceOperation local
                && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                && IsComputeHash(use)
                && HasPasswordArgument(use, strict))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsComputeHash(IInvocationOperation call) =>
        call.TargetMethod.Name is "ComputeHash" or "ComputeHashAsync" or "TryComputeHash" or "TransformFinalBlock" or "TransformBlock";

    private static bool HasPasswordArgument(IInvocationOperation call, bool strict)
    {
        foreach (var argument in call.Arguments)
        {
            if (IsPasswordInput(argument.Value, strict))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPasswordInput(IOperation? value, bool strict = false)
    {
        value = SkipConversionsDown(value);
        switch (value)
        {
            case ILocalReferenceOperation local:
                return IsPasswordName(local.Local.Name, strict);
            case IParameterReferenceOperation parameter:
                return IsPasswordName(parameter.Parameter.Name, strict);
            case IFieldReferenceOperation field:
                return IsPasswordName(field.Field.Name, strict);
            case IPropertyReferenceOperation property:
                return IsPasswordName(property.Property.Name, strict);
            case IBinaryOperation binary:
                return IsPasswordInput(binary.LeftOperand, strict) || IsPasswordInput(binary.RightOperand, strict);
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && IsPasswordInput(hole.Expression, strict))
                    {
                        return true;
                    }
                }

                return false;
            case IInvocationOperation call when call.TargetMethod.Name is "GetBytes" or "FromBase64String" or "ToCharArray" or "AsSpan":
                // Encoding.UTF8.GetBytes(password), password.AsSpan(): the bytes are the password.
                return IsPasswordInput(call.Instance is { } instance && call.TargetMethod.Name is "ToCharArray" or "AsSpan"
                    ? instance
                    : call.Arguments.Length > 0 ? call.Arguments[0].Value : null, strict);
            default:
                return false;
        }
    }

    // Strict: the name ends with the password itself (newPassword, model.Password). Secrets, API keys and reset
    // tokens (passwordResetToken) are random values whose plain digest is a fine lookup key.
    private static bool IsPasswordName(string name, bool strict)
    {
        if (!strict)
        {
            return SecurityNames.IsPasswordLike(name);
        }

        foreach (var ending in PasswordEndings)
        {
            if (name.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] PasswordEndings = { "password", "passwd", "pwd", "passphrase", "passcode" };

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    private static IOperation SkipConversionsDown(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation!;
    }

    /// <summary>The hash types and password hashing APIs of one compilation.</summary>
    private sealed class HashSymbols
    {
        private static readonly (string MetadataName, string Hash)[] HashTypes =
        {
            ("System.Security.Cryptography.MD5", "MD5"),
            ("System.Security.Cryptography.MD5CryptoServiceProvider", "MD5"),
            ("System.Security.Cryptography.HMACMD5", "MD5"),
            ("System.Security.Cryptography.SHA1", "SHA-1"),
            ("System.Security.Cryptography.SHA1Managed", "SHA-1"),
            ("System.Security.Cryptography.SHA1CryptoServiceProvider", "SHA-1"),
            ("System.Security.Cryptography.HMACSHA1", "SHA-1"),
            ("System.Security.Cryptography.SHA256", "SHA-256"),
            ("System.Security.Cryptography.SHA256Managed", "SHA-256"),
            ("System.Security.Cryptography.SHA256CryptoServiceProvider", "SHA-256"),
            ("System.Security.Cryptography.HMACSHA256", "SHA-256"),
            ("System.Security.Cryptography.SHA384", "SHA-384"),
            ("System.Security.Cryptography.SHA384Managed", "SHA-384"),
            ("System.Security.Cryptography.HMACSHA384", "SHA-384"),
            ("System.Security.Cryptography.SHA512", "SHA-512"),
            ("System.Security.Cryptography.SHA512Managed", "SHA-512"),
            ("System.Security.Cryptography.HMACSHA512", "SHA-512"),
            ("System.Security.Cryptography.SHA3_256", "SHA3-256"),
            ("System.Security.Cryptography.SHA3_384", "SHA3-384"),
            ("System.Security.Cryptography.SHA3_512", "SHA3-512"),
            ("System.Security.Cryptography.HMACSHA3_256", "SHA3-256"),
            ("System.Security.Cryptography.HMACSHA3_384", "SHA3-384"),
            ("System.Security.Cryptography.HMACSHA3_512", "SHA3-512"),
        };

        private readonly Dictionary<INamedTypeSymbol, string> hashes;
        private readonly INamedTypeSymbol?[] namedFactories;

        private HashSymbols(Compilation compilation, Dictionary<INamedTypeSymbol, string> hashes)
        {
            this.hashes = hashes;
            namedFactories = new[]
            {
                WellKnownTypes.Get(compilation, "System.Security.Cryptography.HashAlgorithm"),
                WellKnownTypes.Get(compilation, "System.Security.Cryptography.HMAC"),
                WellKnownTypes.Get(compilation, "System.Security.Cryptography.KeyedHashAlgorithm"),
            };
            CryptoConfig = WellKnownTypes.Get(compilation, "System.Security.Cryptography.CryptoConfig");
            HashAlgorithmName = WellKnownTypes.Get(compilation, "System.Security.Cryptography.HashAlgorithmName");
            Rfc2898DeriveBytes = WellKnownTypes.Get(compilation, "System.Security.Cryptography.Rfc2898DeriveBytes");
            KeyDerivation = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivation");
            KeyDerivationPrf = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Cryptography.KeyDerivation.KeyDerivationPrf");
            PasswordHasherOptions = WellKnownTypes.Get(compilation, "Microsoft.AspNetCore.Identity.PasswordHasherOptions");
            FormsAuthentication = WellKnownTypes.Get(compilation, "System.Web.Security.FormsAuthentication");
        }

        public INamedTypeSymbol? CryptoConfig { get; }

        public INamedTypeSymbol? HashAlgorithmName { get; }

        public INamedTypeSymbol? Rfc2898DeriveBytes { get; }

        public INamedTypeSymbol? KeyDerivation { get; }

        public INamedTypeSymbol? KeyDerivationPrf { get; }

        public INamedTypeSymbol? PasswordHasherOptions { get; }

        public INamedTypeSymbol? FormsAuthentication { get; }

        public static HashSymbols? TryCreate(Compilation compilation)
        {
            var hashes = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var (metadataName, hash) in HashTypes)
            {
                if (WellKnownTypes.Get(compilation, metadataName) is { } type)
                {
                    hashes[type] = hash;
                }
            }

            var symbols = new HashSymbols(compilation, hashes);
            return hashes.Count == 0 && symbols.PasswordHasherOptions is null && symbols.KeyDerivation is null ? null : symbols;
        }

        /// <summary>The C# type that implements a canonical hash, for the code fix (SHA-256 → SHA256).</summary>
        public static string? TypeNameOf(string canonicalHash) => canonicalHash switch
        {
            "SHA-256" => "SHA256",
            "SHA-384" => "SHA384",
            "SHA-512" => "SHA512",
            _ => null,
        };

        /// <summary>The canonical hash behind a CryptoConfig name (<c>System.Security.Cryptography.SHA1</c>, <c>HMACMD5</c>).</summary>
        public static string? HashOfName(string name)
        {
            var text = name.Trim();
            const string Namespace = "System.Security.Cryptography.";
            if (text.StartsWith(Namespace, System.StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(Namespace.Length);
            }

            if (text.StartsWith("HMAC", System.StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring(4);
            }

            foreach (var suffix in new[] { "CryptoServiceProvider", "Managed", "Cng" })
            {
                if (text.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(0, text.Length - suffix.Length);
                }
            }

            var canonical = CryptoThresholds.CanonicalHash(text);
            return canonical is "MD5" or "SHA-1" or "SHA-256" or "SHA-384" or "SHA-512" or "SHA3-256" or "SHA3-384" or "SHA3-512"
                ? canonical
                : null;
        }

        public string? HashOf(INamedTypeSymbol? type) =>
            type is not null && hashes.TryGetValue(type, out var hash) ? hash : null;

        public bool IsNamedFactory(INamedTypeSymbol type)
        {
            foreach (var factory in namedFactories)
            {
                if (SymbolEqualityComparer.Default.Equals(type, factory))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
