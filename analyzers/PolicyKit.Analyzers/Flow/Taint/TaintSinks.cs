using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Analyzers.Symbols;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>One value that reaches a sink, with the sink's kind and display name.</summary>
internal readonly struct SinkHit
{
    public SinkHit(IOperation value, SinkKind kind, string name)
    {
        Value = value;
        Kind = kind;
        Name = name;
    }

    public IOperation Value { get; }

    public SinkKind Kind { get; }

    public string Name { get; }
}

/// <summary>
/// The injection sinks of PK1001–PK1005, recognised on invocations, object creations, assignments and conversions.
/// Matching is by containing type and parameter name, so every overload of a sink is covered.
/// </summary>
internal sealed class TaintSinks
{
    private static readonly string[] Shells = { "cmd", "cmd.exe", "/bin/sh", "sh", "/bin/bash", "bash", "/usr/bin/bash", "powershell", "powershell.exe", "pwsh", "pwsh.exe", "/bin/zsh", "zsh" };

    private readonly SqlSinks? _sql;
    private readonly DeclaredDataFlow? _declared;

    public TaintSinks(SqlSinks? sql, DeclaredDataFlow? declared)
    {
        _sql = sql;
        _declared = declared;
    }

    public void Find(IOperation operation, SinkKind wanted, DefinitionIndex index, List<SinkHit> hits)
    {
        switch (operation)
        {
            case IInvocationOperation invocation:
                Invocation(invocation, wanted, index, hits);
                _declared?.Sinks(invocation, wanted, hits);
                break;
            case IObjectCreationOperation creation:
                if ((wanted & SinkKind.Sql) != 0 && _sql?.CommandTextArgument(creation) is { } commandText)
                {
                    hits.Add(new SinkHit(commandText.Value, SinkKind.Sql, creation.Type?.Name ?? "CommandText"));
                }

                Creation(creation, wanted, hits);
                _declared?.Sinks(creation, wanted, hits);
                break;
            case IAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } assignment:
                Assignment(assignment, property, wanted, index, hits);
                break;
            case IConversionOperation { OperatorMethod: not null } conversion when (wanted & SinkKind.Html) != 0
                && TypeNames.Is(conversion.Type, "Microsoft.AspNetCore.Components", "MarkupString"):
                hits.Add(new SinkHit(conversion.Operand, SinkKind.Html, "MarkupString"));
                break;
        }
    }

    private void Invocation(IInvocationOperation invocation, SinkKind wanted, DefinitionIndex index, List<SinkHit> hits)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        if (type is null)
        {
            return;
        }

        if ((wanted & SinkKind.Sql) != 0 && _sql?.SqlArgument(invocation) is { } sql)
        {
            hits.Add(new SinkHit(sql.Value, SinkKind.Sql, method.Name));
        }

        if ((wanted & SinkKind.Html) != 0)
        {
            HtmlInvocation(invocation, method, type, index, hits);
        }

        if ((wanted & SinkKind.Command) != 0)
        {
            CommandInvocation(invocation, method, type, index, hits);
        }

        if ((wanted & SinkKind.Path) != 0)
        {
            PathInvocation(invocation, method, type, hits);
        }

        if ((wanted & SinkKind.Redirect) != 0 && IsRedirect(method, type) && Argument(invocation.Arguments, "url", "location") is { } target)
        {
            hits.Add(new SinkHit(target, SinkKind.Redirect, type.Name + "." + method.Name));
        }

        SystemWebTaint.Invocation(invocation, wanted, index, hits);

        if ((wanted & SinkKind.Header) != 0)
        {
            HeaderSinks.Invocation(invocation, method, type, hits);
        }
    }

    private static void HtmlInvocation(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, DefinitionIndex index, List<SinkHit> hits)
    {
        switch (method.Name)
        {
            case "Raw" when TypeNames.Is(type, "Microsoft.AspNetCore.Mvc.Rendering", "IHtmlHelper"):
                Add(hits, Argument(invocation.Arguments, "value"), SinkKind.Html, "Html.Raw");
                break;
            case "AppendHtml" or "AppendHtmlLine" or "SetHtmlContent"
                when TypeNames.InNamespace(type.ContainingNamespace, "Microsoft.AspNetCore.Html")
                    && type.Name is "IHtmlContentBuilder" or "HtmlContentBuilder" or "HtmlContentBuilderExtensions":
                Add(hits, Argument(invocation.Arguments, "encoded", "htmlContent"), SinkKind.Html, method.Name);
                break;
            case "Content" when IsResultsFactory(type) || IsControllerOrPage(type):
            case "Text" when IsResultsFactory(type):
                if (ConstantText(Argument(invocation.Arguments, "contentType")) is { } contentType && IsHtml(contentType))
                {
                    Add(hits, Argument(invocation.Arguments, "content"), SinkKind.Html, type.Name + "." + method.Name);
                }

                break;
            case "WriteAsync" when TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HttpResponseWritingExtensions"):
                if (!ResponseIsNotHtml(invocation, index))
                {
                    Add(hits, Argument(invocation.Arguments, "text"), SinkKind.Html, "Response.WriteAsync");
                }

                break;
        }
    }

    private static void CommandInvocation(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, DefinitionIndex index, List<SinkHit> hits)
    {
        if (method.Name == "Start" && method.IsStatic && TypeNames.Is(type, "System.Diagnostics", "Process"))
        {
            var fileName = Argument(invocation.Arguments, "fileName");
            Add(hits, fileName, SinkKind.Command, "Process.Start");
            if (Argument(invocation.Arguments, "arguments") is { } arguments)
            {
                // A command-line string is parsed by the program (and by a shell): tainted text there is injection.
                // A list of arguments reaches a non-shell program as separate argv entries, which is safe.
                if (arguments.Type?.SpecialType == SpecialType.System_String || IsShell(ConstantText(fileName)))
                {
                    hits.Add(new SinkHit(arguments, SinkKind.Command, "Process.Start"));
                }
            }

            return;
        }

        // psi.ArgumentList.Add(x): when the program is a shell, which runs its arguments as commands; for programs whose
        // options run commands (tar, rsync, git, …) a value that may start with '-' before any "--" (option injection).
        if (method.Name is "Add" or "Insert" && invocation.Instance is IPropertyReferenceOperation { Property.Name: "ArgumentList" } list
            && TypeNames.Is(list.Property.ContainingType, "System.Diagnostics", "ProcessStartInfo"))
        {
            var program = ProgramOf(list.Instance, index);
            if (IsShell(program))
            {
                Add(hits, Argument(invocation.Arguments, "item"), SinkKind.Command, "ProcessStartInfo.ArgumentList");
            }
            else if (CommandOptions.RunsCommandsFromOptions(program) && Argument(invocation.Arguments, "item") is { } item && CommandOptions.MayBeOption(item, index)
                     && !CommandOptions.OptionsEndedBefore(invocation, list.Instance, index))
            {
                hits.Add(new SinkHit(item, SinkKind.Command, "ProcessStartInfo.ArgumentList (option)"));
            }
        }

        // process.StandardInput.WriteLine(x) on a shell: the shell runs each line as a command.
        if (method.Name is "Write" or "WriteLine" or "WriteAsync" or "WriteLineAsync"
            && invocation.Instance is IPropertyReferenceOperation { Property.Name: "StandardInput" } stdin
            && TypeNames.Is(stdin.Property.ContainingType, "System.Diagnostics", "Process")
            && IsShell(CommandOptions.ProgramOfProcess(stdin.Instance, index, (info, definitions) => info is IObjectCreationOperation creation ? ProgramOfCreation(creation) : ProgramOf(info, definitions))))
        {
            Add(hits, invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null, SinkKind.Command, "Process.StandardInput");
        }
    }

    private static void PathInvocation(IInvocationOperation invocation, IMethodSymbol method, INamedTypeSymbol type, List<SinkHit> hits)
    {
        if (method.IsStatic && (TypeNames.Is(type, "System.IO", "File") || TypeNames.Is(type, "System.IO", "Directory")))
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Type.SpecialType: SpecialType.System_String } parameter && IsPathParameter(parameter.Name))
                {
                    hits.Add(new SinkHit(argument.Value, SinkKind.Path, type.Name + "." + method.Name));
                }
            }

            return;
        }

        // entry.ExtractToFile(path): zip slip when the path is built from entry.FullName.
        if (method.Name == "ExtractToFile" && TypeNames.Is(type, "System.IO.Compression", "ZipFileExtensions")
            && Argument(invocation.Arguments, "destinationFileName") is { } destination)
        {
            hits.Add(new SinkHit(destination, SinkKind.Path, type.Name + "." + method.Name));
            return;
        }

        var isFileResult = (method.Name == "PhysicalFile" && (IsControllerOrPage(type) || IsResultsFactory(type)))
            || (method.Name == "File" && IsResultsFactory(type))
            || (method.Name == "SendFileAsync" && TypeNames.Is(type, "Microsoft.AspNetCore.Http", "SendFileResponseExtensions"));
        if (isFileResult && Argument(invocation.Arguments, "physicalPath", "path", "fileName") is { Type.SpecialType: SpecialType.System_String } path)
        {
            hits.Add(new SinkHit(path, SinkKind.Path, type.Name + "." + method.Name));
        }
    }

    private static void Creation(IObjectCreationOperation creation, SinkKind wanted, List<SinkHit> hits)
    {
        var type = creation.Type;
        if (type is null)
        {
            return;
        }

        if ((wanted & SinkKind.Html) != 0
            && (TypeNames.Is(type, "Microsoft.AspNetCore.Html", "HtmlString") || TypeNames.Is(type, "Microsoft.AspNetCore.Components", "MarkupString")))
        {
            Add(hits, Argument(creation.Arguments, "input", "value"), SinkKind.Html, type.Name);
        }

        if ((wanted & SinkKind.Command) != 0 && TypeNames.Is(type, "System.Diagnostics", "ProcessStartInfo"))
        {
            Add(hits, Argument(creation.Arguments, "fileName"), SinkKind.Command, "ProcessStartInfo");
            Add(hits, Argument(creation.Arguments, "arguments"), SinkKind.Command, "ProcessStartInfo");
        }

        if ((wanted & SinkKind.Path) != 0 && TypeNames.InNamespace(type.ContainingNamespace, "System.IO")
            && type.Name is "FileStream" or "StreamReader" or "StreamWriter" or "FileInfo" or "DirectoryInfo")
        {
            if (Argument(creation.Arguments, "path", "fileName") is { Type.SpecialType: SpecialType.System_String } path)
            {
                hits.Add(new SinkHit(path, SinkKind.Path, type.Name));
            }
        }

        if ((wanted & SinkKind.Path) != 0 && TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "PhysicalFileResult"))
        {
            Add(hits, Argument(creation.Arguments, "fileName"), SinkKind.Path, type.Name);
        }

        if ((wanted & SinkKind.Redirect) != 0 && TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "RedirectResult"))
        {
            Add(hits, Argument(creation.Arguments, "url"), SinkKind.Redirect, type.Name);
        }

        SystemWebTaint.Creation(creation, type, wanted, hits);
        if ((wanted & SinkKind.Header) != 0)
        {
            HeaderSinks.Creation(creation, type, hits);
        }
    }

    private void Assignment(IAssignmentOperation assignment, IPropertySymbol property, SinkKind wanted, DefinitionIndex index, List<SinkHit> hits)
    {
        var type = property.ContainingType;
        if ((wanted & SinkKind.Sql) != 0 && _sql is not null && _sql.IsCommandText(property))
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Sql, property.Name));
        }

        if ((wanted & SinkKind.Command) != 0 && property.Name is "FileName" or "Arguments" && TypeNames.Is(type, "System.Diagnostics", "ProcessStartInfo"))
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Command, "ProcessStartInfo." + property.Name));
        }

        if ((wanted & SinkKind.Html) != 0 && property.Name == "Content" && TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "ContentResult")
            && ContentResultIsHtml(assignment, index))
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Html, "ContentResult.Content"));
        }

        if ((wanted & SinkKind.Redirect) != 0 && property.Name == "Url" && TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "RedirectResult"))
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Redirect, "RedirectResult.Url"));
        }

        // Challenge/SignIn/SignOut(new AuthenticationProperties { RedirectUri = … }): the handler redirects there afterwards.
        if ((wanted & SinkKind.Redirect) != 0 && property.Name == "RedirectUri" && TypeNames.Is(type, "Microsoft.AspNetCore.Authentication", "AuthenticationProperties"))
        {
            hits.Add(new SinkHit(assignment.Value, SinkKind.Redirect, "AuthenticationProperties.RedirectUri"));
        }

        SystemWebTaint.Assignment(assignment, property, wanted, hits);
        if ((wanted & SinkKind.Header) != 0)
        {
            HeaderSinks.Assignment(assignment, property, hits);
        }
    }

    private static bool IsRedirect(IMethodSymbol method, INamedTypeSymbol type) => method.Name switch
    {
        "Redirect" or "RedirectPermanent" or "RedirectPreserveMethod" or "RedirectPermanentPreserveMethod" =>
            IsControllerOrPage(type) || IsResultsFactory(type) || TypeNames.Is(type, "Microsoft.AspNetCore.Http", "HttpResponse"),
        _ => false,
    };

    private static bool IsControllerOrPage(INamedTypeSymbol type) =>
        TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "ControllerBase") || TypeNames.Is(type, "Microsoft.AspNetCore.Mvc", "Controller")
        || TypeNames.Is(type, "Microsoft.AspNetCore.Mvc.RazorPages", "PageModel") || TypeNames.Is(type, "Microsoft.AspNetCore.Mvc.RazorPages", "PageBase");

    private static bool IsResultsFactory(INamedTypeSymbol type) =>
        TypeNames.Is(type, "Microsoft.AspNetCore.Http", "Results") || TypeNames.Is(type, "Microsoft.AspNetCore.Http", "TypedResults");

    private static bool IsPathParameter(string name) => name is "path" or "path1" or "path2" or "sourceFileName" or "destFileName"
        or "destinationFileName" or "destinationBackupFileName" or "sourceDirName" or "destDirName" or "pathToTarget";

    // Markup, and script (JSONP: "callback(...)" served as application/javascript runs whatever the caller names).
    private static bool IsHtml(string contentType) =>
        contentType.IndexOf("html", StringComparison.OrdinalIgnoreCase) >= 0 || contentType.IndexOf("javascript", StringComparison.OrdinalIgnoreCase) >= 0
        || contentType.IndexOf("ecmascript", StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>Whether the program named by <paramref name="program"/> is a shell (<c>cmd</c>, <c>sh</c>, <c>bash</c>, PowerShell).</summary>
    public static bool IsShell(string? program)
    {
        if (program is null)
        {
            return false;
        }

        foreach (var shell in Shells)
        {
            if (string.Equals(program.Trim(), shell, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constant <c>FileName</c> of the <c>ProcessStartInfo</c> that <paramref name="info"/> refers to.</summary>
    private static string? ProgramOf(IOperation? info, DefinitionIndex index)
    {
        switch (info)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                for (var current = receiver.Parent; current is not null; current = current.Parent)
                {
                    if (current is IObjectCreationOperation creation && TypeNames.Is(creation.Type, "System.Diagnostics", "ProcessStartInfo"))
                    {
                        return ProgramOfCreation(creation);
                    }
                }

                return null;
            case ILocalReferenceOperation local:
                string? program = null;
                foreach (var definition in index.DefinitionsOf(local.Local))
                {
                    if (definition.Operation is IObjectCreationOperation creation)
                    {
                        program ??= ProgramOfCreation(creation);
                    }
                }

                foreach (var operation in index.AllOperations)
                {
                    if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName", Instance: ILocalReferenceOperation target } } assignment
                        && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                    {
                        program ??= ConstantText(assignment.Value);
                    }
                }

                return program;
            default:
                return null;
        }
    }

    private static string? ProgramOfCreation(IObjectCreationOperation creation)
    {
        if (ConstantText(Argument(creation.Arguments, "fileName")) is { } fileName)
        {
            return fileName;
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName" } } assignment)
                {
                    return ConstantText(assignment.Value);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A response whose content type is set, in this body, only to non-HTML constants (JSON, plain text). "This body" is
    /// the handler lambda holding the write when there is one: several minimal-API handlers share one method.
    /// </summary>
    private static bool ResponseIsNotHtml(IOperation write, DefinitionIndex index)
    {
        IEnumerable<IOperation> scope = index.AllOperations;
        for (var parent = write.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                scope = parent.Descendants();
                break;
            }
        }

        var any = false;
        foreach (var operation in scope)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } target } assignment
                && TypeNames.Is(target.Property.ContainingType, "Microsoft.AspNetCore.Http", "HttpResponse"))
            {
                if (ConstantText(assignment.Value) is not { } value || IsHtml(value))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    private static bool ContentResultIsHtml(IAssignmentOperation content, DefinitionIndex index)
    {
        if (content.Parent is IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } } contentType)
                {
                    return ConstantText(contentType.Value) is { } value && IsHtml(value);
                }
            }
        }

        foreach (var operation in index.AllOperations)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ContentType" } target } assignment
                && TypeNames.Is(target.Property.ContainingType, "Microsoft.AspNetCore.Mvc", "ContentResult")
                && ConstantText(assignment.Value) is { } value && IsHtml(value))
            {
                return true;
            }
        }

        return false;
    }

    private static void Add(List<SinkHit> hits, IOperation? value, SinkKind kind, string name)
    {
        if (value is not null)
        {
            hits.Add(new SinkHit(value, kind, name));
        }
    }

    /// <summary>The value passed for the first parameter named one of <paramref name="names"/>, if written by the caller.</summary>
    public static IOperation? Argument(IEnumerable<IArgumentOperation> arguments, params string[] names)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            foreach (var name in names)
            {
                if (parameter.Name == name)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    private static string? ConstantText(IOperation? value) => value?.ConstantValue is { HasValue: true, Value: string text } ? text : null;
}
