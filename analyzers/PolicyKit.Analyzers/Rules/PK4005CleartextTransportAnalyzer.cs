using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Policy;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Rules;

/// <summary>PK4005: http/ftp/telnet/ws endpoints, SMTP without TLS, TLS below the policy (MN-41, MIC-19, A.11.4.6, A.10.8.4).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PK4005CleartextTransportAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property carrying the secure scheme a code fix may substitute (<c>https</c>, <c>wss</c>).</summary>
    public const string SecureSchemeProperty = "SecureScheme";

    internal static readonly DiagnosticDescriptor Rule = PolicyRule.Create(
        RuleIds.CleartextTransport,
        RuleCategory.Transport,
        DiagnosticSeverity.Warning,
        cwe: new[] { 319 },
        controls: new[] { "MN-41", "MIC-19", "A.11.4.6", "A.10.8.4" });

    private const string SmtpReplacement = "TLS (EnableSsl = true)";

    private static readonly string[] CleartextSchemes = { "http://", "ftp://", "telnet://", "ws://" };

    // Hosts of XML namespaces and schemas: identifiers that are never fetched.
    private static readonly HashSet<string> NamespaceHosts = new(StringComparer.OrdinalIgnoreCase)
    {
        "www.w3.org", "w3.org", "tempuri.org", "purl.org", "xmlns.com", "json-schema.org", "ns.adobe.com",
        "docs.oasis-open.org", "www.omg.org", "java.sun.com", "xml.org", "www.xml.org",
    };

    // Words of parameter and property names that receive an address to connect to.
    private static readonly HashSet<string> EndpointWords = new(StringComparer.Ordinal)
    {
        "uri", "url", "urls", "address", "endpoint", "authority", "host", "server", "href", "link", "redirect", "location",
        "webhook", "callback",
    };

    private static readonly HashSet<string> IdentifierWords = new(StringComparer.Ordinal)
    {
        "namespace", "schema", "xmlns", "ns", "prefix", "issuer", "audience", "type", "expected", "pattern", "format",
    };

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var uri = WellKnownTypes.Get(start.Compilation, "System.Uri");
            if (uri is null)
            {
                return;
            }

            var analysis = new Analysis(
                CryptoThresholds.Get(start),
                uri,
                WellKnownTypes.Get(start.Compilation, "System.UriBuilder"),
                WellKnownTypes.Get(start.Compilation, "System.Security.Authentication.SslProtocols"),
                WellKnownTypes.Get(start.Compilation, "System.Net.SecurityProtocolType"));
            start.RegisterOperationAction(analysis.AnalyzeArgument, OperationKind.Argument);
            start.RegisterOperationAction(analysis.AnalyzeAssignment, OperationKind.SimpleAssignment);
            start.RegisterOperationAction(analysis.AnalyzeNamedValue, OperationKind.Return, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
            start.RegisterOperationAction(analysis.AnalyzeProtocol, OperationKind.FieldReference);
            start.RegisterOperationAction(AnalyzeConnectionString, OperationKind.Literal);
            if (WellKnownTypes.Get(start.Compilation, "System.Net.Mail.SmtpClient") is { } smtp)
            {
                start.RegisterOperationBlockStartAction(block => SmtpWithoutTls.Track(block, smtp));
            }
        });
    }

    private sealed class Analysis
    {
        private readonly CryptoThresholds thresholds;
        private readonly INamedTypeSymbol uri;
        private readonly INamedTypeSymbol? uriBuilder;
        private readonly INamedTypeSymbol? sslProtocols;
        private readonly INamedTypeSymbol? securityProtocolType;

        public Analysis(CryptoThresholds thresholds, INamedTypeSymbol uri, INamedTypeSymbol? uriBuilder, INamedTypeSymbol? sslProtocols,
            INamedTypeSymbol? securityProtocolType)
        {
            this.thresholds = thresholds;
            this.uri = uri;
            this.uriBuilder = uriBuilder;
            this.sslProtocols = sslProtocols;
            this.securityProtocolType = securityProtocolType;
        }

        public void AnalyzeArgument(OperationAnalysisContext context)
        {
            var argument = (IArgumentOperation)context.Operation;
            if (argument.Parameter is not { Type.SpecialType: SpecialType.System_String } parameter
                || argument.Value.Type?.SpecialType != SpecialType.System_String)
            {
                return;
            }

            // new Uri("http://…") is an endpoint; Uri.IsWellFormedUriString("http://…") and friends only parse.
            var method = parameter.ContainingSymbol as IMethodSymbol;
            if (method is { MethodKind: MethodKind.Constructor } && parameter.Name == "scheme"
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, uriBuilder))
            {
                // new UriBuilder("http", host, port, path): the scheme is chosen apart from the host.
                if (CleartextSchemeName(argument.Value) is { } chosen && !BuildsLoopback(argument.Parent))
                {
                    Report(context, argument.Value, "UriBuilder scheme \"" + chosen + "\"", SecureFor(chosen));
                }

                return;
            }

            if (method is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, uri) && method.MethodKind != MethodKind.Constructor)
            {
                return;
            }

            if (method?.ContainingType?.SpecialType == SpecialType.System_String || !NamesEndpoint(parameter.Name)
                || (method is not null && BindsPrefix(method)))
            {
                return;
            }

            ReportEndpoint(context, argument.Value);
        }

        // Settings-like members: WebhookUrl { get; set; } = "http://…", static string Webhook() => "http://…".
        public void AnalyzeNamedValue(OperationAnalysisContext context)
        {
            var (name, value) = context.Operation switch
            {
                IReturnOperation { ReturnedValue: { } returned } ret when !InNestedFunction(ret) => (NameOfMember(context.ContainingSymbol), returned),
                IFieldInitializerOperation { InitializedFields.Length: 1 } field => (field.InitializedFields[0].Name, field.Value),
                IPropertyInitializerOperation { InitializedProperties.Length: 1 } property => (property.InitializedProperties[0].Name, property.Value),
                _ => (null, null),
            };
            if (name is not null && value is not null && value.Type?.SpecialType == SpecialType.System_String && NamesEndpoint(name))
            {
                ReportEndpoint(context, value);
            }
        }

        private static bool InNestedFunction(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        // A lambda's return belongs to no named member: only methods and property getters name their value.
        private static string? NameOfMember(ISymbol? symbol) => symbol switch
        {
            IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => property.Name,
            IMethodSymbol { MethodKind: MethodKind.Ordinary } method => method.Name,
            _ => null,
        };

        public void AnalyzeAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            var (name, type) = assignment.Target switch
            {
                IPropertyReferenceOperation property => (property.Property.Name, property.Property.Type),
                IFieldReferenceOperation field => (field.Field.Name, field.Field.Type),
                _ => (null, null),
            };
            if (name is null || type is null)
            {
                return;
            }

            if (type.SpecialType == SpecialType.System_String)
            {
                if (name == "Scheme" && assignment.Target is IPropertyReferenceOperation schemeProperty
                    && SymbolEqualityComparer.Default.Equals(schemeProperty.Property.ContainingType, uriBuilder))
                {
                    // new UriBuilder { Scheme = Uri.UriSchemeHttp, Host = host } / builder.Scheme = "http".
                    if (CleartextSchemeName(assignment.Value) is { } chosen && !BuildsLoopback(assignment.Parent))
                    {
                        Report(context, assignment, "UriBuilder.Scheme = \"" + chosen + "\"", SecureFor(chosen));
                    }
                }
                else if (NamesEndpoint(name))
                {
                    ReportEndpoint(context, assignment.Value);
                }
            }
            else if (type.SpecialType == SpecialType.System_Boolean && assignment.Value.ConstantValue is { HasValue: true, Value: false })
            {
                if (name == "RequireHttpsMetadata")
                {
                    // JwtBearerOptions / OpenIdConnectOptions: signing keys fetched over http can be swapped in transit.
                    Report(context, assignment, "RequireHttpsMetadata = false", "HTTPS metadata (RequireHttpsMetadata = true)");
                }
                else if (name == "EnableSsl")
                {
                    Report(context, assignment, "EnableSsl = false", SmtpReplacement);
                }
            }
        }

        public void AnalyzeProtocol(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            var field = reference.Field;
            var type = field.ContainingType;
            if (!SymbolEqualityComparer.Default.Equals(type, sslProtocols) && !SymbolEqualityComparer.Default.Equals(type, securityProtocolType))
            {
                return;
            }

            var version = field.Name switch
            {
                "Ssl2" => "2.0s",
                "Ssl3" => "3.0s",
                "Tls" => "1.0",
                "Tls11" => "1.1",
                "Tls12" => "1.2",
                "Tls13" => "1.3",
                _ => null,
            };
            if (version is null || !thresholds.IsBelowMinimumTls(version) || !ChoosesProtocol(reference, type))
            {
                return;
            }

            Report(context, reference, type.Name + "." + field.Name, thresholds.MinimumTlsVersion + " or later");
        }

        /// <summary>
        /// Whether the protocol value is being enabled (assigned, OR-ed in, passed as the setting) rather than
        /// compared or removed (<c>SecurityProtocol &amp;= ~SecurityProtocolType.Tls</c>).
        /// </summary>
        private static bool ChoosesProtocol(IOperation reference, ITypeSymbol enumType)
        {
            var current = reference;
            while (current.Parent is IConversionOperation or IBinaryOperation { OperatorKind: BinaryOperatorKind.Or })
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                ISimpleAssignmentOperation assignment => ReferenceEquals(assignment.Value, current),
                ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Or } compound => ReferenceEquals(compound.Value, current),
                IVariableInitializerOperation or IPropertyInitializerOperation or IFieldInitializerOperation => true,
                IArgumentOperation argument => SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, enumType),
                _ => false,
            };
        }

        // "http", Uri.UriSchemeHttp (a static readonly field, not a constant), "ws", Uri.UriSchemeWs, "ftp".
        private static string? CleartextSchemeName(IOperation value) =>
            Skip(value) is IFieldReferenceOperation { Field: { ContainingType.Name: "Uri", Name: "UriSchemeHttp" or "UriSchemeWs" or "UriSchemeFtp" } field }
                ? field.Name.Substring("UriScheme".Length).ToLowerInvariant()
                : Skip(value).ConstantValue is { HasValue: true, Value: string scheme }
            && (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("ws", StringComparison.OrdinalIgnoreCase)
                || scheme.Equals("ftp", StringComparison.OrdinalIgnoreCase))
                ? scheme.ToLowerInvariant()
                : null;

        private static string SecureFor(string scheme) => scheme switch
        {
            "http" => "https",
            "ws" => "wss",
            _ => "SFTP or FTPS",
        };

        // The builder's host, when it is a constant: a loopback host keeps the builder silent.
        private static bool BuildsLoopback(IOperation? container)
        {
            switch (container)
            {
                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter?.Name == "host" && Skip(argument.Value).ConstantValue is { HasValue: true, Value: string host })
                        {
                            return IsLoopback(host);
                        }
                    }

                    return false;
                case IObjectOrCollectionInitializerOperation initializer:
                    foreach (var member in initializer.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Host" } } set
                            && Skip(set.Value).ConstantValue is { HasValue: true, Value: string host })
                        {
                            return IsLoopback(host);
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        private static void ReportEndpoint(OperationAnalysisContext context, IOperation value)
        {
            var unwrapped = Skip(value);
            if (LeadingText(unwrapped, context, out var complete) is not { } text || CleartextScheme(text, complete) is not { } scheme)
            {
                return;
            }

            var secure = scheme switch
            {
                "http://" => "https",
                "ws://" => "wss",
                "ftp://" => "SFTP or FTPS",
                _ => "SSH",
            };
            var properties = unwrapped is ILiteralOperation && unwrapped.Syntax is LiteralExpressionSyntax && secure is "https" or "wss"
                ? ImmutableDictionary<string, string?>.Empty.Add(SecureSchemeProperty, secure)
                : null;
            Report(context, value, text, secure is "https" or "wss" ? secure + "://" : secure, properties);
        }

        // XmlNamespaceManager.AddNamespace(prefix, uri), XmlWriter.WriteStartElement(prefix, localName, ns): a URI
        // bound to a prefix names an XML namespace, an identifier that is never fetched (Sonar S5332 FP, sonar-dotnet#6223).
        private static bool BindsPrefix(IMethodSymbol method)
        {
            foreach (var candidate in method.Parameters)
            {
                foreach (var word in SecurityNames.Words(candidate.Name))
                {
                    if (word == "prefix")
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool NamesEndpoint(string name)
        {
            var endpoint = false;
            foreach (var word in SecurityNames.Words(name))
            {
                if (IdentifierWords.Contains(word))
                {
                    return false;
                }

                endpoint |= EndpointWords.Contains(word);
            }

            return endpoint;
        }
    }

    /// <summary>
    /// SMTP clients created in a method and never given <c>EnableSsl</c> there send mail and credentials in clear
    /// text. Conservative: only clients held in a local (a field may be configured elsewhere), and not when the
    /// host is a loopback relay.
    /// </summary>
    private sealed class SmtpWithoutTls
    {
        private readonly INamedTypeSymbol smtp;
        private readonly List<IObjectCreationOperation> created = new();
        private readonly object gate = new();
        private bool enableSslSet;

        private SmtpWithoutTls(INamedTypeSymbol smtp) => this.smtp = smtp;

        public static void Track(OperationBlockStartAnalysisContext block, INamedTypeSymbol smtp)
        {
            var tracker = new SmtpWithoutTls(smtp);
            block.RegisterOperationAction(tracker.OnCreation, OperationKind.ObjectCreation);
            block.RegisterOperationAction(tracker.OnAssignment, OperationKind.SimpleAssignment);
            block.RegisterOperationBlockEndAction(tracker.OnEnd);
        }

        private void OnCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            // A client returned by a factory method is as configured as it will get: callers send with it as it is.
            if (!SymbolEqualityComparer.Default.Equals(creation.Type, smtp)
                || parent is not (IVariableInitializerOperation or IReturnOperation)
                || IsLoopbackRelay(creation))
            {
                return;
            }

            lock (gate)
            {
                created.Add(creation);
            }
        }

        private void OnAssignment(OperationAnalysisContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation { Property.Name: "EnableSsl" } target
                && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, smtp))
            {
                lock (gate)
                {
                    enableSslSet = true;
                }
            }
        }

        private void OnEnd(OperationBlockAnalysisContext context)
        {
            lock (gate)
            {
                if (enableSslSet)
                {
                    return;
                }

                foreach (var creation in created)
                {
                    context.Report(Rule, creation.Syntax.GetLocation(), "SmtpClient without EnableSsl", SmtpReplacement);
                }
            }
        }

        private static bool IsLoopbackRelay(IObjectCreationOperation creation)
        {
            string? host = null;
            if (creation.Arguments.Length > 0 && Skip(creation.Arguments[0].Value).ConstantValue is { HasValue: true, Value: string argument })
            {
                host = argument;
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Host" } } set
                        && set.Value.ConstantValue is { HasValue: true, Value: string assigned })
                    {
                        host = assigned;
                    }
                }
            }

            return host is not null && IsLoopback(host);
        }
    }

    /// <summary>The constant text an address starts with; <paramref name="complete"/> when nothing follows it.</summary>
    private static string? LeadingText(IOperation value, OperationAnalysisContext context, out bool complete)
    {
        complete = false;
        switch (value)
        {
            case { ConstantValue: { HasValue: true, Value: string text } }:
                complete = true;
                return text;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return LeadingText(Skip(concatenation.LeftOperand), context, out _);
            case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                complete = interpolated.Parts.Length == 1;
                return interpolated.Parts[0] is IInterpolatedStringTextOperation { Text.ConstantValue: { HasValue: true, Value: string first } } ? first : null;
            case ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.Length == 1:
                // var url = "http://…"; client.GetAsync(url);
                if (local.Local.DeclaringSyntaxReferences[0].GetSyntax(context.CancellationToken) is VariableDeclaratorSyntax
                    {
                        Initializer.Value: LiteralExpressionSyntax { Token.Value: string initial },
                    })
                {
                    complete = true;
                    return initial;
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>The cleartext scheme of an address to a real remote host, or null (https, loopback, XML namespaces, unknown host).</summary>
    private static string? CleartextScheme(string text, bool complete)
    {
        foreach (var scheme in CleartextSchemes)
        {
            if (!text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rest = text.Substring(scheme.Length);
            var end = rest.IndexOfAny(new[] { '/', '?', '#' });
            if (end < 0 && !complete)
            {
                // $"http://{tenant}.api.example.com/", "http://" + host: the host is filled in later. A URL template
                // with the cleartext scheme written out is meant for a real server; only a literal loopback start
                // ("http://localhost:" + port) is known to stay on the machine.
                return rest.Length > 0 && (IsLoopback(rest.TrimEnd(':')) || rest.StartsWith("127.", StringComparison.Ordinal)
                        || rest.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("[::1]", StringComparison.Ordinal))
                    ? null
                    : scheme.ToLowerInvariant();
            }

            var authority = end < 0 ? rest : rest.Substring(0, end);
            var at = authority.LastIndexOf('@');
            var host = at >= 0 ? authority.Substring(at + 1) : authority;
            if (host.StartsWith("[", StringComparison.Ordinal))
            {
                var close = host.IndexOf(']');
                host = close > 0 ? host.Substring(0, close + 1) : host;
            }
            else if (host.IndexOf(':') is var colon and >= 0)
            {
                host = host.Substring(0, colon);
            }

            if (host.Length == 0 || IsLoopback(host) || host is "*" or "+" or "0.0.0.0" or "[::]"
                || NamespaceHosts.Contains(host) || host.StartsWith("schemas.", StringComparison.OrdinalIgnoreCase)
                || host.IndexOf('{') >= 0)
            {
                return null;
            }

            return scheme.ToLowerInvariant();
        }

        return null;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.StartsWith("127.", StringComparison.Ordinal)
        || host is "[::1]" or "::1";

    // MN-41, A.10.8.4: a database connection string that switches transport encryption off towards a remote server.
    private static void AnalyzeConnectionString(OperationAnalysisContext context)
    {
        if (context.Operation.ConstantValue is { HasValue: true, Value: string text }
            && ConnectionStringEncryption.FindDisabled(text) is { } disabled)
        {
            Report(context, context.Operation, disabled.Found, disabled.Replacement);
        }
    }

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
