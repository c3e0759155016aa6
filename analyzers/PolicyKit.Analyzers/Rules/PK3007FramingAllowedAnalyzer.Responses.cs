using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Flow;

namespace PolicyKit.Analyzers.Rules;

/// <summary>
/// PK3007's response model: every method or handler lambda that writes the framing headers is a scope whose writes are
/// replayed, in source order, over the application-wide default (middleware that sets <c>X-Frame-Options</c> or a CSP
/// <c>frame-ancestors</c> for every response), to tell whether the response it produces can be framed.
/// </summary>
public sealed partial class PK3007FramingAllowedAnalyzer
{
    private enum ScopeKind
    {
        /// <summary>A controller action, page handler or minimal-API handler: its string parameters come from the request.</summary>
        Endpoint,

        /// <summary>An <c>app.Use(...)</c> lambda or a middleware class's <c>Invoke</c>/<c>InvokeAsync</c>: runs for every response.</summary>
        Middleware,

        /// <summary>A filter, helper or anything else: applies to whichever page it is attached to.</summary>
        Other,
    }

    private enum Header
    {
        None,
        FrameOptions,
        Csp,
        CspReportOnly,
        Misspelt,
    }

    private enum WriteKind
    {
        Set,
        Append,
        TryAdd,
        Remove,
    }

    /// <summary>What a header value does to framing.</summary>
    private enum Effect
    {
        /// <summary>Not decidable from the code (configuration, a builder): read as protective, for precision.</summary>
        Unknown,

        /// <summary>X-Frame-Options DENY/SAMEORIGIN, or a frame-ancestors list limited to named secure origins.</summary>
        Protective,

        /// <summary>No value: the header is removed (null, <c>StringValues.Empty</c>, <c>Remove</c>).</summary>
        Removed,

        /// <summary>A Content-Security-Policy without frame-ancestors: it replaces the default and says nothing about framing.</summary>
        NoFrameAncestors,

        /// <summary>A value that admits other sites or that browsers ignore.</summary>
        Weak,

        /// <summary>Written, but with no effect on framing (report-only, a meta element, a misspelt name).</summary>
        Ineffective,
    }

    /// <summary>One write of a framing header in a scope, classified.</summary>
    private readonly struct FramingWrite
    {
        public FramingWrite(Header header, WriteKind kind, Effect effect, Location location, string shown, string reason)
        {
            Header = header;
            Kind = kind;
            Effect = effect;
            Location = location;
            Shown = shown;
            Reason = reason;
        }

        public Header Header { get; }

        public WriteKind Kind { get; }

        public Effect Effect { get; }

        public Location Location { get; }

        public string Shown { get; }

        public string Reason { get; }
    }

    /// <summary>The classified writes of one method or handler, and whether it can render HTML.</summary>
    private sealed class ResponseScope
    {
        public ResponseScope(ScopeKind kind) => Kind = kind;

        public ScopeKind Kind { get; }

        public List<FramingWrite> Writes { get; } = new();

        /// <summary>Every value the scope returns is a non-HTML result (JSON, a file, a redirect, a status code).</summary>
        public bool NonHtml { get; set; }
    }

    /// <summary>Walks one member, splitting it into scopes (the member, plus each minimal-API handler or <c>app.Use</c> lambda).</summary>
    private sealed class ScopeWalker
    {
        private readonly FramingSymbols _symbols;
        private readonly List<ResponseScope> _finished = new();

        public ScopeWalker(FramingSymbols symbols) => _symbols = symbols;

        public List<ResponseScope> Walk(IMethodSymbol member, IEnumerable<IOperation> blocks)
        {
            var state = new WalkState(KindOf(member), member.Parameters);
            foreach (var block in blocks)
            {
                Visit(block, state, nestedLambda: false);
            }

            Finish(state);
            return _finished;
        }

        private ScopeKind KindOf(IMethodSymbol member)
        {
            if (member.Name is "Invoke" or "InvokeAsync" && member.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(member.Parameters[0].Type, _symbols.HttpContext))
            {
                return ScopeKind.Middleware;
            }

            return member.DeclaredAccessibility == Accessibility.Public && member.MethodKind == MethodKind.Ordinary && !member.IsStatic
                && (InheritsFrom(member.ContainingType, _symbols.ControllerBase) || InheritsFrom(member.ContainingType, _symbols.PageModel))
                ? ScopeKind.Endpoint
                : ScopeKind.Other;
        }

        private void Visit(IOperation operation, WalkState state, bool nestedLambda)
        {
            switch (operation)
            {
                case IAnonymousFunctionOperation lambda:
                    if (LambdaScope(lambda) is { } kind)
                    {
                        var inner = new WalkState(kind, lambda.Symbol.Parameters);
                        Visit(lambda.Body, inner, nestedLambda: false);
                        Finish(inner);
                        return;
                    }

                    // Response.OnStarting(() => ...) and other callbacks belong to the handler that registers them.
                    Visit(lambda.Body, state, nestedLambda: true);
                    return;
                case IReturnOperation { ReturnedValue: { } returned } when !nestedLambda:
                    state.Returns.Add(returned);
                    break;
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    state.AddLocal(declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation assignment:
                    if (assignment.Target is ILocalReferenceOperation local)
                    {
                        state.AddLocal(local.Local, assignment.Value);
                    }
                    else if (assignment.Target is IPropertyReferenceOperation property && HeaderOfProperty(property) is var header && header != Header.None)
                    {
                        state.Pending.Add(new PendingWrite(header, WriteKind.Set, assignment.Value, assignment.Syntax.GetLocation(), KeyText(property)));
                    }

                    break;
                case IInvocationOperation invocation:
                    RecordInvocation(invocation, state);
                    break;
                case ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } } literal when IsMetaFraming(text):
                    state.Meta.Add(literal.Syntax.GetLocation());
                    break;
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child, state, nestedLambda);
            }
        }

        private ScopeKind? LambdaScope(IAnonymousFunctionOperation lambda)
        {
            // MapGet(pattern, Delegate): the lambda becomes a delegate, then converts to System.Delegate.
            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return null;
            }

            var name = invocation.TargetMethod.Name;
            if (name is "Use" or "Run" && lambda.Symbol.Parameters.Length > 0
                && SymbolEqualityComparer.Default.Equals(lambda.Symbol.Parameters[0].Type, _symbols.HttpContext))
            {
                return ScopeKind.Middleware;
            }

            return name.StartsWith("Map", StringComparison.Ordinal) && name is not ("MapWhen" or "MapGroup")
                && InheritsFrom(invocation.TargetMethod.Parameters.Length > 0 ? invocation.TargetMethod.Parameters[0].Type : null, _symbols.EndpointRouteBuilder, orImplements: true)
                ? ScopeKind.Endpoint
                : null;
        }

        // Headers.Remove(key), Headers.Append(key, value), Headers.TryAdd(key, value), Headers.Add(key, value).
        private void RecordInvocation(IInvocationOperation invocation, WalkState state)
        {
            var method = invocation.TargetMethod;
            WriteKind kind;
            switch (method.Name)
            {
                case "Remove":
                    kind = WriteKind.Remove;
                    break;
                case "Append":
                case "AppendCommaSeparatedValues":
                    kind = WriteKind.Append;
                    break;
                case "Add":
                case "Set":
                    kind = WriteKind.Set;
                    break;
                case "TryAdd":
                    kind = WriteKind.TryAdd;
                    break;
                default:
                    return;
            }

            var first = method.IsExtensionMethod && invocation.Instance is null ? 1 : 0;
            var receiver = first == 1 ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null) : invocation.Instance;
            if (receiver is null || !IsResponseHeaders(receiver) || invocation.Arguments.Length <= first)
            {
                return;
            }

            var key = invocation.Arguments[first].Value;
            var header = HeaderOfKey(key);
            if (header == Header.None)
            {
                return;
            }

            var value = kind == WriteKind.Remove ? null : invocation.Arguments.Length > first + 1 ? invocation.Arguments[first + 1].Value : null;
            if (kind != WriteKind.Remove && value is null)
            {
                return;
            }

            state.Pending.Add(new PendingWrite(header, kind, value, invocation.Syntax.GetLocation(), KeyText(key)));
        }

        private void Finish(WalkState state)
        {
            if (state.Pending.Count == 0 && state.Meta.Count == 0)
            {
                return;
            }

            var scope = new ResponseScope(state.Kind) { NonHtml = state.Returns.Count > 0 && state.Returns.TrueForAll(IsNonHtmlResult) };
            foreach (var pending in state.Pending)
            {
                scope.Writes.Add(Classify(pending, state));
            }

            foreach (var meta in state.Meta)
            {
                scope.Writes.Add(new FramingWrite(Header.None, WriteKind.Set, Effect.Ineffective, meta, "<meta http-equiv>", "PK3007ReasonMeta"));
            }

            _finished.Add(scope);
        }

        private FramingWrite Classify(PendingWrite write, WalkState state)
        {
            var location = write.Value is { } shownValue && write.Kind != WriteKind.Remove ? shownValue.Syntax.GetLocation() : write.Location;
            if (write.Kind == WriteKind.Remove)
            {
                return new FramingWrite(write.Header, write.Kind, Effect.Removed, write.Location, "Remove(" + write.Key + ")", "PK3007ReasonRemoved");
            }

            var value = write.Value!;
            switch (write.Header)
            {
                case Header.CspReportOnly:
                    return ConstantText(value) is { } reportOnly && reportOnly.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) >= 0
                        ? new FramingWrite(write.Header, write.Kind, Effect.Ineffective, location, write.Key + ": " + reportOnly.Trim(), "PK3007ReasonReportOnly")
                        : new FramingWrite(write.Header, write.Kind, Effect.Unknown, location, write.Key, string.Empty);
                case Header.Misspelt:
                    return new FramingWrite(write.Header, write.Kind, Effect.Ineffective, write.Location, write.Key, "PK3007ReasonMisspelt");
                case Header.FrameOptions:
                    var (xfo, xfoReason) = ClassifyFrameOptions(value, state, 0);
                    return new FramingWrite(write.Header, write.Kind, xfo, location, write.Key + ": " + Shown(value), xfoReason);
                default:
                    var (csp, cspReason) = ClassifyCsp(value, state, 0);
                    return new FramingWrite(write.Header, write.Kind, csp, location, write.Key + ": " + Shown(value), cspReason);
            }
        }

        private (Effect Effect, string Reason) ClassifyFrameOptions(IOperation value, WalkState state, int depth)
        {
            value = EndpointBuilderFlow.Unwrap(value);
            if (depth > 4)
            {
                return (Effect.Unknown, string.Empty);
            }

            if (value.ConstantValue is { HasValue: true } constant)
            {
                if (constant.Value is not string text)
                {
                    return (Effect.Removed, "PK3007ReasonRemoved");
                }

                var trimmed = text.Trim();
                if (trimmed.Equals("DENY", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase))
                {
                    return (Effect.Protective, string.Empty);
                }

                // RFC 7034 §2.1 defines only DENY and SAMEORIGIN; ALLOW-FROM is obsolete and ignored, ALLOWALL was never a value.
                return trimmed.StartsWith("ALLOW-FROM", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("ALLOWALL", StringComparison.OrdinalIgnoreCase)
                    ? (Effect.Weak, "PK3007ReasonPermissive")
                    : (Effect.Weak, "PK3007ReasonInvalidValue");
            }

            switch (value)
            {
                case IDefaultValueOperation:
                    return (Effect.Removed, "PK3007ReasonRemoved");
                case IFieldReferenceOperation { Field.Name: "Empty" } empty when empty.Field.ContainingType?.Name == "StringValues":
                    return (Effect.Removed, "PK3007ReasonRemoved");
                case IObjectCreationOperation { Arguments.Length: 1 } creation:
                    return ClassifyFrameOptions(creation.Arguments[0].Value, state, depth + 1);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Weakest(ClassifyFrameOptions(conditional.WhenTrue, state, depth + 1), ClassifyFrameOptions(whenFalse, state, depth + 1));
                case ISwitchExpressionOperation switchExpression:
                    var result = (Effect.Protective, string.Empty);
                    foreach (var arm in switchExpression.Arms)
                    {
                        result = Weakest(result, ClassifyFrameOptions(arm.Value, state, depth + 1));
                    }

                    return result;
                case ILocalReferenceOperation local when state.Locals.TryGetValue(local.Local, out var assigned) && assigned.Count == 1:
                    return ClassifyFrameOptions(assigned[0], state, depth + 1);
            }

            if (FirstConstantPiece(value) is { } prefix && prefix.TrimStart().StartsWith("ALLOW-FROM", StringComparison.OrdinalIgnoreCase))
            {
                return (Effect.Weak, "PK3007ReasonPermissive");
            }

            return FromRequest(value, state, 0) ? (Effect.Weak, "PK3007ReasonRequestValue") : (Effect.Unknown, string.Empty);
        }

        private (Effect Effect, string Reason) ClassifyCsp(IOperation value, WalkState state, int depth)
        {
            value = EndpointBuilderFlow.Unwrap(value);
            if (depth > 4)
            {
                return (Effect.Unknown, string.Empty);
            }

            if (value.ConstantValue is { HasValue: true } constant)
            {
                return constant.Value is string text ? ClassifyPolicyText(text) : (Effect.Removed, "PK3007ReasonRemoved");
            }

            switch (value)
            {
                case IDefaultValueOperation:
                    return (Effect.Removed, "PK3007ReasonRemoved");
                case IFieldReferenceOperation { Field.Name: "Empty" } empty when empty.Field.ContainingType?.Name == "StringValues":
                    return (Effect.Removed, "PK3007ReasonRemoved");
                case IObjectCreationOperation { Arguments.Length: 1 } creation:
                    return ClassifyCsp(creation.Arguments[0].Value, state, depth + 1);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return Weakest(ClassifyCsp(conditional.WhenTrue, state, depth + 1), ClassifyCsp(whenFalse, state, depth + 1));
                case ISwitchExpressionOperation switchExpression:
                    var result = (Effect.Protective, string.Empty);
                    foreach (var arm in switchExpression.Arms)
                    {
                        result = Weakest(result, ClassifyCsp(arm.Value, state, depth + 1));
                    }

                    return result;
                case ILocalReferenceOperation local when state.Locals.TryGetValue(local.Local, out var assigned) && assigned.Count == 1:
                    return ClassifyCsp(assigned[0], state, depth + 1);
            }

            // $"frame-ancestors {origin}", "frame-ancestors " + string.Join(' ', origins): the constant pieces carry the
            // directive, the rest decides who may frame.
            var pieces = ConstantPieces(value);
            if (pieces.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return (Effect.Unknown, string.Empty);
            }

            if (FromRequest(value, state, 0))
            {
                return (Effect.Weak, "PK3007ReasonRequestValue");
            }

            var fromPieces = ClassifyPolicyText(pieces);
            return fromPieces.Effect == Effect.Weak ? fromPieces : (Effect.Unknown, string.Empty);
        }

        // Does the value read the request: a string parameter of the endpoint, Request.Query/Headers/Form/Cookies, or a
        // local assigned from one?
        private bool FromRequest(IOperation value, WalkState state, int depth)
        {
            if (depth > 4)
            {
                return false;
            }

            foreach (var operation in value.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when state.IsRequestParameter(parameter.Parameter):
                        return true;
                    case IPropertyReferenceOperation property when SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, _symbols.HttpRequest):
                        return true;
                    case ILocalReferenceOperation local when state.Locals.TryGetValue(local.Local, out var assigned):
                        foreach (var source in assigned)
                        {
                            if (FromRequest(source, state, depth + 1))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private Header HeaderOfProperty(IPropertyReferenceOperation property)
        {
            if (property.Instance is not { } instance || !IsResponseHeaders(instance))
            {
                return Header.None;
            }

            if (property.Property.IsIndexer)
            {
                return property.Arguments.Length == 1 ? HeaderOfKey(property.Arguments[0].Value) : Header.None;
            }

            return property.Property.Name switch
            {
                "XFrameOptions" => Header.FrameOptions,
                "ContentSecurityPolicy" => Header.Csp,
                "ContentSecurityPolicyReportOnly" => Header.CspReportOnly,
                _ => Header.None,
            };
        }

        private Header HeaderOfKey(IOperation key)
        {
            key = EndpointBuilderFlow.Unwrap(key);
            if (key is IFieldReferenceOperation field && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _symbols.HeaderNames))
            {
                return field.Field.Name switch
                {
                    "XFrameOptions" => Header.FrameOptions,
                    "ContentSecurityPolicy" => Header.Csp,
                    "ContentSecurityPolicyReportOnly" => Header.CspReportOnly,
                    _ => Header.None,
                };
            }

            if (key.ConstantValue is not { HasValue: true, Value: string name })
            {
                return Header.None;
            }

            name = name.Trim();
            if (name.Equals(FrameOptionsHeader, StringComparison.OrdinalIgnoreCase))
            {
                return Header.FrameOptions;
            }

            if (name.Equals(CspHeader, StringComparison.OrdinalIgnoreCase))
            {
                return Header.Csp;
            }

            if (name.Equals(CspHeader + "-Report-Only", StringComparison.OrdinalIgnoreCase))
            {
                return Header.CspReportOnly;
            }

            // "X-Frame-Option", "X-Frames-Options", "Content-Security-Polcy": one or two typing slips away.
            var lower = name.ToLowerInvariant();
            return EditDistanceAtMost(lower, "x-frame-options", 2) || EditDistanceAtMost(lower, "content-security-policy", 2)
                ? Header.Misspelt
                : Header.None;
        }

        // The receiver is a response's header collection, not a request's.
        private bool IsResponseHeaders(IOperation receiver)
        {
            receiver = EndpointBuilderFlow.Unwrap(receiver);
            if (receiver is IPropertyReferenceOperation { Property.Name: "Headers" } headers)
            {
                return !SymbolEqualityComparer.Default.Equals(headers.Property.ContainingType, _symbols.HttpRequest)
                    && InheritsFrom(headers.Type, _symbols.HeaderDictionary, orImplements: true);
            }

            return InheritsFrom(receiver.Type, _symbols.HeaderDictionary, orImplements: true);
        }

        // What a handler returns when it renders no page: JSON, files, redirects, status codes, plain text.
        private static bool IsNonHtmlResult(IOperation value)
        {
            value = EndpointBuilderFlow.Unwrap(value);
            if (value is IAwaitOperation awaited)
            {
                value = EndpointBuilderFlow.Unwrap(awaited.Operation);
            }

            switch (value)
            {
                case IInvocationOperation invocation:
                    var name = invocation.TargetMethod.Name;
                    if (name is "Content" or "Text")
                    {
                        foreach (var argument in invocation.Arguments)
                        {
                            if (argument.Parameter?.Name == "contentType" && !argument.IsImplicit)
                            {
                                return argument.Value.ConstantValue is { HasValue: true, Value: string type }
                                    && type.IndexOf("html", StringComparison.OrdinalIgnoreCase) < 0;
                            }
                        }

                        // Without a content type the body is text/plain: nothing to click.
                        return true;
                    }

                    return Array.IndexOf(NonHtmlResults, name) >= 0
                        || name.StartsWith("Redirect", StringComparison.Ordinal)
                        || name.StartsWith("LocalRedirect", StringComparison.Ordinal);
                case IObjectCreationOperation creation when creation.Type is { } type:
                    return type.Name.EndsWith("FileResult", StringComparison.Ordinal) || type.Name.EndsWith("JsonResult", StringComparison.Ordinal)
                        || type.Name.IndexOf("Redirect", StringComparison.Ordinal) >= 0 || type.Name.EndsWith("StatusCodeResult", StringComparison.Ordinal)
                        || type.Name.EndsWith("ObjectResult", StringComparison.Ordinal) || type.Name == "NoContentResult";
                default:
                    return false;
            }
        }

        private static readonly string[] NonHtmlResults =
        {
            "Json", "File", "PhysicalFile", "VirtualFile", "Stream", "Bytes", "NoContent", "Ok", "Accepted", "AcceptedAtAction",
            "AcceptedAtRoute", "Created", "CreatedAtAction", "CreatedAtRoute", "StatusCode", "BadRequest", "NotFound", "Unauthorized",
            "Forbid", "Challenge", "SignIn", "SignOut", "Problem", "ValidationProblem", "Conflict", "UnprocessableEntity", "Empty",
        };

        private static (Effect Effect, string Reason) ClassifyPolicyText(string text)
        {
            if (text.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return (Effect.NoFrameAncestors, "PK3007ReasonNoFrameAncestors");
            }

            if (CompilationFacts.AllowsEveryone(text))
            {
                return (Effect.Weak, "PK3007ReasonWildcardAncestors");
            }

            return CompilationFacts.HasCleartextSource(text) ? (Effect.Weak, "PK3007ReasonCleartext") : (Effect.Protective, string.Empty);
        }

        private static (Effect Effect, string Reason) Weakest((Effect Effect, string Reason) a, (Effect Effect, string Reason) b) =>
            Rank(b.Effect) > Rank(a.Effect) ? b : a;

        private static int Rank(Effect effect) => effect switch
        {
            Effect.Weak => 4,
            Effect.Removed => 3,
            Effect.NoFrameAncestors => 2,
            Effect.Unknown => 1,
            _ => 0,
        };

        private static string? ConstantText(IOperation value)
        {
            value = EndpointBuilderFlow.Unwrap(value);
            if (value is IObjectCreationOperation { Arguments.Length: 1 } creation)
            {
                value = EndpointBuilderFlow.Unwrap(creation.Arguments[0].Value);
            }

            return value.ConstantValue is { HasValue: true, Value: string text } ? text : null;
        }

        private static string ConstantPieces(IOperation value)
        {
            var text = new System.Text.StringBuilder();
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: string piece } && operation is ILiteralOperation or IInterpolatedStringTextOperation or IFieldReferenceOperation or ILocalReferenceOperation)
                {
                    text.Append(piece).Append(' ');
                }
            }

            return text.ToString();
        }

        private static string? FirstConstantPiece(IOperation value)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation.ConstantValue is { HasValue: true, Value: string piece } && operation is ILiteralOperation or IInterpolatedStringTextOperation)
                {
                    return piece;
                }
            }

            return null;
        }

        private static string Shown(IOperation value)
        {
            var text = ConstantText(value) ?? value.Syntax.ToString();
            text = text.Trim();
            return text.Length > 80 ? text.Substring(0, 77) + "..." : text;
        }

        private static string KeyText(IOperation key) => key switch
        {
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Arguments.Length == 1 => KeyText(indexer.Arguments[0].Value),
            IPropertyReferenceOperation { Property.Name: "XFrameOptions" } => FrameOptionsHeader,
            IPropertyReferenceOperation { Property.Name: "ContentSecurityPolicy" } => CspHeader,
            IPropertyReferenceOperation { Property.Name: "ContentSecurityPolicyReportOnly" } => CspHeader + "-Report-Only",
            _ => ConstantText(key) ?? EndpointBuilderFlow.Unwrap(key) switch
            {
                IFieldReferenceOperation { Field.Name: "XFrameOptions" } => FrameOptionsHeader,
                IFieldReferenceOperation { Field.Name: "ContentSecurityPolicy" } => CspHeader,
                IFieldReferenceOperation { Field.Name: "ContentSecurityPolicyReportOnly" } => CspHeader + "-Report-Only",
                _ => key.Syntax.ToString(),
            },
        };

        // <meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'">: CSP3 §6.3.2.5 and RFC 7034 §4
        // say browsers ignore both frame controls when delivered in a meta element.
        private static bool IsMetaFraming(string text) =>
            text.IndexOf("http-equiv", StringComparison.OrdinalIgnoreCase) >= 0
            && (text.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf(FrameOptionsHeader, StringComparison.OrdinalIgnoreCase) >= 0);

        private static bool EditDistanceAtMost(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > limit)
            {
                return false;
            }

            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var rowMin = current[0];
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    rowMin = Math.Min(rowMin, current[j]);
                }

                if (rowMin > limit)
                {
                    return false;
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length] <= limit;
        }

        private static bool InheritsFrom(ITypeSymbol? type, INamedTypeSymbol? target, bool orImplements = false)
        {
            if (type is null || target is null)
            {
                return false;
            }

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
                {
                    return true;
                }
            }

            if (orImplements)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, target))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private readonly struct PendingWrite
    {
        public PendingWrite(Header header, WriteKind kind, IOperation? value, Location location, string key)
        {
            Header = header;
            Kind = kind;
            Value = value;
            Location = location;
            Key = key;
        }

        public Header Header { get; }

        public WriteKind Kind { get; }

        public IOperation? Value { get; }

        public Location Location { get; }

        public string Key { get; }
    }

    private sealed class WalkState
    {
        private readonly IReadOnlyList<IParameterSymbol> _parameters;

        public WalkState(ScopeKind kind, IReadOnlyList<IParameterSymbol> parameters)
        {
            Kind = kind;
            _parameters = parameters;
        }

        public ScopeKind Kind { get; }

        public List<PendingWrite> Pending { get; } = new();

        public List<Location> Meta { get; } = new();

        public List<IOperation> Returns { get; } = new();

        public Dictionary<ILocalSymbol, List<IOperation>> Locals { get; } = new(SymbolEqualityComparer.Default);

        public void AddLocal(ILocalSymbol local, IOperation value)
        {
            if (!Locals.TryGetValue(local, out var values))
            {
                values = new List<IOperation>();
                Locals.Add(local, values);
            }

            values.Add(value);
        }

        // An endpoint's string parameters are bound from the route, query, form or headers.
        public bool IsRequestParameter(IParameterSymbol parameter)
        {
            if (Kind != ScopeKind.Endpoint)
            {
                return false;
            }

            var own = false;
            foreach (var candidate in _parameters)
            {
                own |= SymbolEqualityComparer.Default.Equals(candidate, parameter);
            }

            if (!own)
            {
                return false;
            }

            var type = parameter.Type is IArrayTypeSymbol array ? array.ElementType : parameter.Type;
            if (type.SpecialType == SpecialType.System_String || type.Name == "StringValues")
            {
                return true;
            }

            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "FromQueryAttribute" or "FromHeaderAttribute" or "FromRouteAttribute" or "FromFormAttribute")
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The ASP.NET Core types the response model needs, resolved once per compilation.</summary>
    private sealed class FramingSymbols
    {
        public FramingSymbols(Compilation compilation, INamedTypeSymbol headerDictionary)
        {
            HeaderDictionary = headerDictionary;
            HeaderNames = WellKnownTypesOf(compilation, "Microsoft.Net.Http.Headers.HeaderNames");
            HttpContext = WellKnownTypesOf(compilation, "Microsoft.AspNetCore.Http.HttpContext");
            HttpRequest = WellKnownTypesOf(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
            ControllerBase = WellKnownTypesOf(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            PageModel = WellKnownTypesOf(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            EndpointRouteBuilder = WellKnownTypesOf(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
        }

        public INamedTypeSymbol HeaderDictionary { get; }

        public INamedTypeSymbol? HeaderNames { get; }

        public INamedTypeSymbol? HttpContext { get; }

        public INamedTypeSymbol? HttpRequest { get; }

        public INamedTypeSymbol? ControllerBase { get; }

        public INamedTypeSymbol? PageModel { get; }

        public INamedTypeSymbol? EndpointRouteBuilder { get; }

        private static INamedTypeSymbol? WellKnownTypesOf(Compilation compilation, string name) => Symbols.WellKnownTypes.Get(compilation, name);
    }
}
