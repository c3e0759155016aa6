using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK4002: a cipher, block mode or key size the policy forbids (A.12.3.1, MN-34, MIC-53).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK4002WeakCipherAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the type a code fix may substitute (<c>Aes</c>).</summary>
    public const string ReplacementTypeProperty = "ReplacementType";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.WeakCipher,
        RuleCategory.Cryptography,
        DiagnosticSeverity.Warning,
        cwe: new[] { 327, 326 },
        controls: new[] { "A.12.3.1", "MN-34", "MIC-53" });

    private const string AuthenticatedCipher = "AES-GCM";
    private const string AuthenticatedMode = "an authenticated mode such as AES-GCM";
    private const string OaepPadding = "RSAEncryptionPadding.OaepSHA256";
    private const string Pkcs1Padding = "RSA PKCS#1 v1.5 encryption padding";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            if (CipherSymbols.TryCreate(start.Compilation) is not { } symbols)
            {
                return;
            }

            var analysis = new Analysis(symbols, CryptoThresholds.Get(start));
            start.RegisterOperationAction(analysis.AnalyzeInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(analysis.AnalyzeCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analysis.AnalyzeArgument, OperationKind.Argument);
            if (symbols.NamedCurves is not null)
            {
                start.RegisterOperationAction(analysis.AnalyzeCurve, OperationKind.PropertyReference);
            }
        });
    }

    private sealed class Analysis
    {
        private static readonly ImmutableDictionary<string, string?> AesFix =
            ImmutableDictionary<string, string?>.Empty.Add(ReplacementTypeProperty, "Aes");

        private readonly CipherSymbols symbols;
        private readonly CryptoThresholds thresholds;

        // Per helper: the key family each parameter sizes (null where none), read once per compilation.
        private readonly ConcurrentDictionary<IMethodSymbol, string?[]> keySizeParameters = new(SymbolEqualityComparer.Default);

        public Analysis(CipherSymbols symbols, CryptoThresholds thresholds)
        {
            this.symbols = symbols;
            this.thresholds = thresholds;
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (!method.IsStatic)
            {
                if (method.Name is "EncryptEcb" or "DecryptEcb" or "TryEncryptEcb" or "TryDecryptEcb"
                    && symbols.IsSymmetric(type) && thresholds.IsForbiddenMode("ECB"))
                {
                    Report(context, invocation, "ECB mode", AuthenticatedMode);
                }
                else if (method.Name is "Encrypt" or "Decrypt" or "TryEncrypt" or "TryDecrypt" && symbols.KeyFamilyOf(type) == "RSA"
                    && UsesPkcs1Padding(invocation.Arguments, context.CancellationToken))
                {
                    // Bleichenbacher (CVE-1998 family, ROBOT): PKCS#1 v1.5 encryption padding is a padding oracle;
                    // RSASignaturePadding.Pkcs1 for signatures is a different scheme and stays silent.
                    Report(context, invocation, Pkcs1Padding, OaepPadding);
                }
                else
                {
                    ReportSmallKeyThroughParameter(context, invocation);
                }

                return;
            }

            if (method.Name == "Create" && symbols.CipherOf(type) is { } cipher)
            {
                if (thresholds.IsForbiddenCipher(cipher))
                {
                    var fixable = method.Parameters.Length == 0 && !thresholds.IsForbiddenCipher("AES");
                    Report(context, invocation, cipher, AuthenticatedCipher, fixable ? AesFix : null);
                }

                return;
            }

            if ((method.Name == "Create" && SymbolEqualityComparer.Default.Equals(type, symbols.SymmetricAlgorithm))
                || (method.Name == "CreateFromName" && SymbolEqualityComparer.Default.Equals(type, symbols.CryptoConfig)))
            {
                if (ConstantString(invocation.Arguments) is { } name && CipherSymbols.CipherOfName(name) is { } named
                    && thresholds.IsForbiddenCipher(named))
                {
                    Report(context, invocation, named, AuthenticatedCipher);
                }

                return;
            }

            if (method.Name == "Create" && symbols.KeyFamilyOf(type) is { } family)
            {
                ReportSmallKey(context, invocation, family, invocation.Arguments);
            }
            else if (method.Name == "CreateFromFriendlyName" && SymbolEqualityComparer.Default.Equals(type, symbols.ECCurve)
                && ConstantString(invocation.Arguments) is { } curve)
            {
                ReportSmallCurve(context, invocation, curve);
            }
            else
            {
                ReportSmallKeyThroughParameter(context, invocation);
            }
        }

        /// <summary>
        /// <c>ExportKeys() => FromSetting(1024)</c> where <c>FromSetting(int bits) => RSA.Create(bits)</c>: the caller's
        /// constant is the key size. Helpers in the same file are read (their body needs this tree's semantic model).
        /// </summary>
        private void ReportSmallKeyThroughParameter(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.DeclaringSyntaxReferences.IsEmpty || invocation.SemanticModel is not { } model)
            {
                return;
            }

            string?[]? families = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { Type.SpecialType: SpecialType.System_Int32 } parameter
                    || Skip(argument.Value).ConstantValue is not { HasValue: true, Value: int size })
                {
                    continue;
                }

                families ??= KeySizeParameters(method.OriginalDefinition, model, context.CancellationToken);
                if (families is not null && parameter.Ordinal < families.Length && families[parameter.Ordinal] is { } family && size < Minimum(family))
                {
                    Report(context, invocation, family + "-" + size.ToString(CultureInfo.InvariantCulture), KeyOf(family));
                }
            }
        }

        private string?[]? KeySizeParameters(IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
        {
            if (keySizeParameters.TryGetValue(method, out var known))
            {
                return known;
            }

            // A helper in another file has no body here: nothing is cached, that tree's own calls read it.
            if (SourceMethodBodies.Get(method, model, cancellationToken) is not { } body)
            {
                return null;
            }

            var families = new string?[method.Parameters.Length];
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.SpecialType == SpecialType.System_Int32)
                {
                    families[parameter.Ordinal] = KeyFamilyFedBy(body, parameter);
                }
            }

            return keySizeParameters.GetOrAdd(method, families);
        }

        /// <summary>The key family whose size <paramref name="parameter"/> is passed as inside <paramref name="body"/>.</summary>
        private string? KeyFamilyFedBy(IOperation body, IParameterSymbol parameter)
        {
            foreach (var operation in SourceMethodBodies.OwnOperations(body))
            {
                switch (operation)
                {
                    case IArgumentOperation { Parameter: { } keySize, Parent: var owner } argument
                        when keySize.Name.IndexOf("KeySize", System.StringComparison.OrdinalIgnoreCase) >= 0 && IsParameter(argument.Value, parameter):
                        var family = owner switch
                        {
                            IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Create" } create } => symbols.KeyFamilyOf(create.ContainingType),
                            IObjectCreationOperation { Type: INamedTypeSymbol made } => symbols.KeyFamilyOf(made),
                            _ => null,
                        };
                        if (family is not null)
                        {
                            return family;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "KeySize" } target } assignment
                        when IsParameter(assignment.Value, parameter)
                            && symbols.KeyFamilyOf(target.Instance?.Type as INamedTypeSymbol ?? target.Property.ContainingType) is { } assigned:
                        return assigned;
                }
            }

            return null;
        }

        private static bool IsParameter(IOperation value, IParameterSymbol parameter) =>
            Skip(value) is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter);

        /// <summary><c>RSAEncryptionPadding.Pkcs1</c> (directly or through a local), or <c>fOAEP: false</c> on RSACryptoServiceProvider.</summary>
        private bool UsesPkcs1Padding(ImmutableArray<IArgumentOperation> arguments, CancellationToken cancellationToken)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                var value = Skip(argument.Value);
                if (value is ILocalReferenceOperation && InitialValue.Of(value, mutableContents: false, cancellationToken) is { } initial)
                {
                    value = Skip(initial);
                }

                if (SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.RsaEncryptionPadding)
                    && value is IPropertyReferenceOperation { Property: { IsStatic: true, Name: "Pkcs1" } })
                {
                    return true;
                }

                if (parameter.Type.SpecialType == SpecialType.System_Boolean && parameter.Name == "fOAEP"
                    && value.ConstantValue is { HasValue: true, Value: false })
                {
                    return true;
                }
            }

            return false;
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type)
            {
                return;
            }

            if (symbols.CipherOf(type) is { } cipher)
            {
                if (thresholds.IsForbiddenCipher(cipher))
                {
                    Report(context, creation, cipher, AuthenticatedCipher);
                }
            }
            else if (type.Name is "RSAPKCS1KeyExchangeFormatter" or "RSAPKCS1KeyExchangeDeformatter"
                && type.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography")
            {
                Report(context, creation, Pkcs1Padding, "RSAOAEPKeyExchangeFormatter");
            }
            else if (symbols.KeyFamilyOf(type) is { } family)
            {
                ReportSmallKey(context, creation, family, creation.Arguments);
            }
        }

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target)
            {
                return;
            }

            var property = target.Property;
            if (property.Name == "Mode" && SymbolEqualityComparer.Default.Equals(property.Type, symbols.CipherMode))
            {
                if (ForbiddenMode(assignment.Value, context.CancellationToken) is { } mode)
                {
                    Report(context, assignment, mode + " mode", AuthenticatedMode);
                }
            }
            else if (property.Name == "KeySize"
                && symbols.KeyFamilyOf(target.Instance?.Type as INamedTypeSymbol ?? property.ContainingType) is { } family
                && Skip(assignment.Value).ConstantValue is { HasValue: true, Value: int size}
                && size < Minimum(family))
            {
                Report(context, assignment, family + "-" + size.ToString(CultureInfo.InvariantCulture), KeyOf(family));
            }
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            // A helper taking the mode (Encrypt(data, CipherMode.ECB)) chooses it as surely as the property does.
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter is { } parameter
                && SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.CipherMode)
                && ForbiddenMode(argument.Value, context.CancellationToken) is { } mode)
            {
                Report(context, argument.Value, mode + " mode", AuthenticatedMode);
            }
        }

        public void AnalyzeCurve(OperationAnalysisContext context)
        {
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (reference.Property.IsStatic && SymbolEqualityComparer.Default.Equals(reference.Property.ContainingType, symbols.NamedCurves))
            {
                ReportSmallCurve(context, reference, reference.Property.Name);
            }
        }

        /// <summary>
        /// A forbidden <c>CipherMode</c>: the member itself, a local initialised with it (<c>var mode = CipherMode.ECB</c>),
        /// either branch of a conditional, the fallback of <c>??</c>, or the name given to <c>Enum.Parse</c>
        /// (<c>Enum.Parse&lt;CipherMode&gt;(configuration["Mode"] ?? "ECB")</c>: ECB whenever the setting is missing).
        /// </summary>
        private string? ForbiddenMode(IOperation value, CancellationToken cancellationToken, int depth = 0)
        {
            var operation = Skip(value);
            if (depth > 4)
            {
                return null;
            }

            switch (operation)
            {
                case IFieldReferenceOperation field:
                    return SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, symbols.CipherMode) && thresholds.IsForbiddenMode(field.Field.Name)
                        ? field.Field.Name
                        : null;
                case ILocalReferenceOperation:
                    return InitialValue.Of(operation, mutableContents: false, cancellationToken) is { } initial
                        ? ForbiddenMode(initial, cancellationToken, depth + 1)
                        : null;
                case ICoalesceOperation coalesce:
                    return ForbiddenMode(coalesce.WhenNull, cancellationToken, depth + 1);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return ForbiddenMode(conditional.WhenTrue, cancellationToken, depth + 1) ?? ForbiddenMode(whenFalse, cancellationToken, depth + 1);
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse", ContainingType.SpecialType: SpecialType.System_Enum } parse } invocation
                    when IsCipherModeParse(parse, invocation.Arguments):
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && ModeName(argument.Value) is { } name
                            && thresholds.IsForbiddenMode(name))
                        {
                            return name.ToUpperInvariant();
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private bool IsCipherModeParse(IMethodSymbol parse, ImmutableArray<IArgumentOperation> arguments) =>
            parse.TypeArguments.Length == 1
                ? SymbolEqualityComparer.Default.Equals(parse.TypeArguments[0], symbols.CipherMode)
                : arguments.Length > 0 && Skip(arguments[0].Value) is ITypeOfOperation typeOf
                    && SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand, symbols.CipherMode);

        // "ECB", or the fallback of configuration["Mode"] ?? "ECB".
        private static string? ModeName(IOperation value)
        {
            var operation = Skip(value);
            if (operation is ICoalesceOperation coalesce)
            {
                operation = Skip(coalesce.WhenNull);
            }

            return operation.ConstantValue is { HasValue: true, Value: string name } ? name.Trim() : null;
        }

        private void ReportSmallKey(OperationAnalysisContext context, IOperation call, string family, ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                // RSA.Create(keySizeInBits), new RSACryptoServiceProvider(dwKeySize), new ECDsaCng(keySize).
                if (argument.Parameter is { } parameter
                    && parameter.Name.IndexOf("KeySize", System.StringComparison.OrdinalIgnoreCase) >= 0
                    && Skip(argument.Value).ConstantValue is { HasValue: true, Value: int size }
                    && size < Minimum(family))
                {
                    Report(context, call, family + "-" + size.ToString(CultureInfo.InvariantCulture), KeyOf(family));
                }
            }
        }

        private void ReportSmallCurve(OperationAnalysisContext context, IOperation at, string curveName)
        {
            var bits = CipherSymbols.CurveBits(curveName);
            if (bits > 0 && bits < thresholds.MinimumEcKeySize)
            {
                Report(context, at, curveName, "a curve of " + thresholds.MinimumEcKeySize.ToString(CultureInfo.InvariantCulture) + " bits or more");
            }
        }

        private int Minimum(string family) => family switch
        {
            "RSA" => thresholds.MinimumRsaKeySize,
            "DSA" => thresholds.MinimumDsaKeySize,
            "EC" => thresholds.MinimumEcKeySize,
            "AES" => thresholds.MinimumAesKeySize,
            _ => 0,
        };

        private string KeyOf(string family) =>
            "a key of " + Minimum(family).ToString(CultureInfo.InvariantCulture) + " bits or more";

        private static string? ConstantString(ImmutableArray<IArgumentOperation> arguments) =>
            arguments.Length > 0 && Skip(arguments[0].Value).ConstantValue is { HasValue: true, Value: string text } ? text : null;

        private static IOperation Skip(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }

        private static void Report(OperationAnalysisContext context, IOperation at, string found, string replacement,
            ImmutableDictionary<string, string?>? properties = null) =>
            context.Report(Rule, at.Syntax.GetLocation(), null, properties, found, replacement);
    }

    /// <summary>The cipher and key types of one compilation.</summary>
    private sealed class CipherSymbols
    {
        private static readonly (string MetadataName, string Cipher)[] CipherTypes =
        {
            ("System.Security.Cryptography.DES", "DES"),
            ("System.Security.Cryptography.DESCryptoServiceProvider", "DES"),
            ("System.Security.Cryptography.TripleDES", "3DES"),
            ("System.Security.Cryptography.TripleDESCryptoServiceProvider", "3DES"),
            ("System.Security.Cryptography.TripleDESCng", "3DES"),
            ("System.Security.Cryptography.RC2", "RC2"),
            ("System.Security.Cryptography.RC2CryptoServiceProvider", "RC2"),
            ("System.Security.Cryptography.Aes", "AES"),
            ("System.Security.Cryptography.AesManaged", "AES"),
            ("System.Security.Cryptography.AesCryptoServiceProvider", "AES"),
            ("System.Security.Cryptography.AesCng", "AES"),
        };

        private readonly Dictionary<INamedTypeSymbol, string> ciphers;
        private readonly (INamedTypeSymbol Type, string Family)[] keyFamilies;

        private CipherSymbols(Compilation compilation, Dictionary<INamedTypeSymbol, string> ciphers)
        {
            this.ciphers = ciphers;
            SymmetricAlgorithm = WellKnownTypes.Get(compilation, "System.Security.Cryptography.SymmetricAlgorithm");
            CryptoConfig = WellKnownTypes.Get(compilation, "System.Security.Cryptography.CryptoConfig");
            CipherMode = WellKnownTypes.Get(compilation, "System.Security.Cryptography.CipherMode");
            RsaEncryptionPadding = WellKnownTypes.Get(compilation, "System.Security.Cryptography.RSAEncryptionPadding");
            ECCurve = WellKnownTypes.Get(compilation, "System.Security.Cryptography.ECCurve");
            NamedCurves = WellKnownTypes.Get(compilation, "System.Security.Cryptography.ECCurve+NamedCurves");
            var families = new List<(INamedTypeSymbol, string)>();
            foreach (var (name, family) in new[]
            {
                ("System.Security.Cryptography.RSA", "RSA"), ("System.Security.Cryptography.DSA", "DSA"),
                ("System.Security.Cryptography.ECDsa", "EC"), ("System.Security.Cryptography.ECDiffieHellman", "EC"),
                ("System.Security.Cryptography.Aes", "AES"),
            })
            {
                if (WellKnownTypes.Get(compilation, name) is { } type)
                {
                    families.Add((type, family));
                }
            }

            keyFamilies = families.ToArray();
        }

        public INamedTypeSymbol? SymmetricAlgorithm { get; }

        public INamedTypeSymbol? CryptoConfig { get; }

        public INamedTypeSymbol? CipherMode { get; }

        public INamedTypeSymbol? RsaEncryptionPadding { get; }

        public INamedTypeSymbol? ECCurve { get; }

        public INamedTypeSymbol? NamedCurves { get; }

        public static CipherSymbols? TryCreate(Compilation compilation)
        {
            var ciphers = new Dictionary<INamedTypeSymbol, string>(SymbolEqualityComparer.Default);
            foreach (var (metadataName, cipher) in CipherTypes)
            {
                if (WellKnownTypes.Get(compilation, metadataName) is { } type)
                {
                    ciphers[type] = cipher;
                }
            }

            var symbols = new CipherSymbols(compilation, ciphers);
            return symbols.SymmetricAlgorithm is null && symbols.keyFamilies.Length == 0 ? null : symbols;
        }

        /// <summary>The canonical cipher behind a CryptoConfig name (<c>TripleDES</c>, <c>System.Security.Cryptography.RC2</c>).</summary>
        public static string? CipherOfName(string name)
        {
            var text = name.Trim();
            var dot = text.LastIndexOf('.');
            if (dot >= 0)
            {
                text = text.Substring(dot + 1);
            }

            foreach (var suffix in new[] { "CryptoServiceProvider", "Managed", "Cng" })
            {
                if (text.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase))
                {
                    text = text.Substring(0, text.Length - suffix.Length);
                }
            }

            var canonical = CryptoThresholds.CanonicalCipher(text);
            return canonical is "DES" or "3DES" or "RC2" or "RC4" or "AES" or "Blowfish" ? canonical : null;
        }

        /// <summary>The field size of a named curve (<c>brainpoolP160r1</c> → 160, <c>secp192r1</c> → 192); 0 when unknown.</summary>
        public static int CurveBits(string curveName)
        {
            foreach (var prefix in new[] { "brainpoolP", "nistP", "secp", "prime", "P-" })
            {
                if (!curveName.StartsWith(prefix, System.StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var bits = 0;
                for (var i = prefix.Length; i < curveName.Length && char.IsDigit(curveName[i]); i++)
                {
                    bits = (bits * 10) + (curveName[i] - '0');
                }

                return bits;
            }

            return 0;
        }

        public string? CipherOf(INamedTypeSymbol? type) =>
            type is not null && ciphers.TryGetValue(type, out var cipher) ? cipher : null;

        public string? KeyFamilyOf(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var (familyType, family) in keyFamilies)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, familyType))
                    {
                        return family;
                    }
                }
            }

            return null;
        }

        public bool IsSymmetric(INamedTypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, SymmetricAlgorithm))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
