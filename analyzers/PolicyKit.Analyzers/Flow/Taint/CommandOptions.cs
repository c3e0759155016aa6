using System;
using Microsoft.CodeAnalysis;
using PolicyKit.Analyzers.Flow;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Option injection into a program started without a shell (CWE-88): an argv entry taken from input is read as an option
/// when it starts with '-' (<c>tar czf out.tgz --checkpoint-action=exec=sh</c>), unless "--" ended the options before it
/// or the entry starts with fixed text (<c>"--url=" + url</c>, <c>Path.Combine("/srv", name)</c>). Also finds the program
/// behind a <c>Process</c> whose standard input is written.
/// </summary>
internal static class CommandOptions
{
    // Programs with options that run a command or a program of the caller's choosing (GTFOBins "command" entries):
    // tar --checkpoint-action/--to-command, rsync -e, ssh/scp -o ProxyCommand/-S, git --upload-pack/-c, zip -TT,
    // find -exec, curl -K/-o, wget --use-askpass/-O, sendmail -X, 7z/unzip via archive switches, gpg --exec-path.
    private static readonly string[] OptionRunners =
    {
        "tar", "bsdtar", "rsync", "ssh", "scp", "sftp", "git", "zip", "find", "curl", "wget", "sendmail", "gpg", "7z", "unzip", "ffmpeg",
    };

    private static readonly char[] Separators = { '/', '\\' };

    /// <summary>Whether <paramref name="program"/> (a path or a name) is one of the option-runners above.</summary>
    public static bool RunsCommandsFromOptions(string? program)
    {
        if (program is null)
        {
            return false;
        }

        var name = program.Trim();
        var slash = name.LastIndexOfAny(Separators);
        name = slash >= 0 ? name.Substring(slash + 1) : name;
        if (name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase))
        {
            name = name.Substring(0, name.Length - 4);
        }

        foreach (var runner in OptionRunners)
        {
            if (string.Equals(name, runner, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the argv entry can begin with text the caller chose.</summary>
    public static bool MayBeOption(IOperation item, DefinitionIndex index)
    {
        var value = Unwrap(item);
        switch (value)
        {
            case { ConstantValue.HasValue: true }:
                return false;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                return MayBeOption(concatenation.LeftOperand, index);
            case IInterpolatedStringOperation { Parts.Length: > 0 } interpolated:
                return interpolated.Parts[0] is not IInterpolatedStringTextOperation { Text.ConstantValue.Value: string { Length: > 0 } text }
                       || text.StartsWith("-", StringComparison.Ordinal);
            case IInvocationOperation { TargetMethod.Name: "Combine" or "Join" or "GetFullPath", Arguments.Length: > 0 } path
                when TypeNames.Is(path.TargetMethod.ContainingType, "System.IO", "Path"):
                // A rooted first part fixes the start of the path.
                return Unwrap(path.Arguments[0].Value).ConstantValue.Value is not string root || root.Length == 0 || root.StartsWith("-", StringComparison.Ordinal);
            case ILocalReferenceOperation local:
                // foreach (var a in args) info.ArgumentList.Add(a): an argv list built elsewhere (with its own "--").
                foreach (var definition in index.DefinitionsOf(local.Local))
                {
                    if (definition.Shape == DefinitionShape.Element)
                    {
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    /// <summary>Whether <c>ArgumentList.Add("--")</c> on the same start info comes before <paramref name="add"/> in this body.</summary>
    public static bool OptionsEndedBefore(IInvocationOperation add, IOperation? info, DefinitionIndex index)
    {
        if (info is not ILocalReferenceOperation local)
        {
            return false;
        }

        foreach (var operation in index.AllOperations)
        {
            if (operation is IInvocationOperation { TargetMethod.Name: "Add" or "Insert", Instance: IPropertyReferenceOperation { Property.Name: "ArgumentList", Instance: ILocalReferenceOperation other } } earlier
                && SymbolEqualityComparer.Default.Equals(other.Local, local.Local)
                && earlier.Syntax.SpanStart < add.Syntax.SpanStart
                && earlier.Arguments.Length > 0 && earlier.Arguments[earlier.Arguments.Length - 1].Value.ConstantValue.Value is "--")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The program a <c>Process</c> local was started with: <c>Process.Start(info)</c> or <c>Process.Start("bash")</c>.</summary>
    public static string? ProgramOfProcess(IOperation? process, DefinitionIndex index, Func<IOperation?, DefinitionIndex, string?> programOfInfo)
    {
        if (process is null || Unwrap(process) is not ILocalReferenceOperation local)
        {
            return null;
        }

        foreach (var definition in index.DefinitionsOf(local.Local))
        {
            if (definition.Shape == DefinitionShape.Value && Unwrap(definition.Operation) is IInvocationOperation { TargetMethod.Name: "Start", Arguments.Length: > 0 } start
                && TypeNames.Is(start.TargetMethod.ContainingType, "System.Diagnostics", "Process"))
            {
                var first = Unwrap(start.Arguments[0].Value);
                return first.ConstantValue.Value as string ?? programOfInfo(first, index);
            }
        }

        return null;
    }

    private static IOperation Unwrap(IOperation operation) => OperationShapes.SkipConversionsAndParentheses(operation);
}
