using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace PolicyKit.CodeFixes.Rules;

/// <summary>
/// The ADO.NET half of the PK1001 fix: placeholders in the command text and one <c>Parameters.AddWithValue</c> per
/// value, inserted after the statement that creates or assigns the command. Offered only when the command is a named
/// variable whose type has <c>Parameters.AddWithValue(string, object)</c> (SqlClient, Sqlite, Npgsql, MySqlConnector)
/// and the statement sits in a block.
/// </summary>
internal sealed class CommandParameterFix
{
    private readonly ExpressionSyntax _sql;
    private readonly ParameterisedSql _rewritten;
    private readonly string _command;
    private readonly StatementSyntax _anchor;
    private readonly bool _insertBefore;

    private CommandParameterFix(ExpressionSyntax sql, ParameterisedSql rewritten, string command, StatementSyntax anchor, bool insertBefore)
    {
        _sql = sql;
        _rewritten = rewritten;
        _command = command;
        _anchor = anchor;
        _insertBefore = insertBefore;
    }

    public static CommandParameterFix? TryCreate(ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken)
    {
        if (!TryFindCommand(sql, model, cancellationToken, out var command, out var type, out var anchor, out var insertBefore)
            || !HasAddWithValue(type)
            || SqlTemplate.Parameterise(sql, model, cancellationToken) is not { } rewritten)
        {
            return null;
        }

        return new CommandParameterFix(sql, rewritten, command, anchor, insertBefore);
    }

    public async Task<Document> ApplyAsync(Document document, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(_sql, _rewritten.Sql.WithTriviaFrom(_sql));

        var indentation = Indentation(_anchor);
        var endOfLine = EndOfLine(_anchor);
        var statements = new List<SyntaxNode>(_rewritten.Parameters.Count);
        foreach (var parameter in _rewritten.Parameters)
        {
            var name = SyntaxFactory.Literal("@" + parameter.Key).Text;
            var statement = SyntaxFactory.ParseStatement(_command + ".Parameters.AddWithValue(" + name + ", " + parameter.Value + ");")
                .WithLeadingTrivia(indentation)
                .WithTrailingTrivia(endOfLine);
            statements.Add(statement);
        }

        if (_insertBefore)
        {
            editor.InsertBefore(_anchor, statements);
        }
        else
        {
            editor.InsertAfter(_anchor, statements);
        }

        return editor.GetChangedDocument();
    }

    /// <summary>
    /// Where the command lives: <c>cmd.CommandText = …;</c>, <c>var cmd = new XCommand(…)</c> or
    /// <c>var cmd = new XCommand { CommandText = … }</c> (also with <c>using</c>). For a <c>using (…)</c> statement the
    /// parameters go first in its block.
    /// </summary>
    private static bool TryFindCommand(
        ExpressionSyntax sql, SemanticModel model, CancellationToken cancellationToken,
        out string command, out ITypeSymbol? type, out StatementSyntax anchor, out bool insertBefore)
    {
        command = string.Empty;
        type = null;
        anchor = null!;
        insertBefore = false;

        ExpressionSyntax? creation = null;
        if (sql.Parent is AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "CommandText" } access } assignment
            && assignment.Right == sql && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
        {
            if (assignment.Parent is not ExpressionStatementSyntax statement
                || access.Expression is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax }))
            {
                return false;
            }

            command = access.Expression.WithoutTrivia().ToString();
            type = model.GetTypeInfo(access.Expression, cancellationToken).Type;
            anchor = statement;
            return anchor.Parent is BlockSyntax;
        }

        if (sql.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "CommandText" } } initializerAssignment
            && initializerAssignment.Right == sql
            && initializerAssignment.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax created })
        {
            creation = created;
        }
        else if (sql.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax constructed } })
        {
            creation = constructed;
        }

        if (creation?.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
            || declarator.Parent is not VariableDeclarationSyntax declaration
            || model.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local)
        {
            return false;
        }

        command = declarator.Identifier.Text;
        type = local.Type;
        switch (declaration.Parent)
        {
            case LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement:
                anchor = statement;
                return true;
            case UsingStatementSyntax { Statement: BlockSyntax { Statements.Count: > 0 } body }:
                anchor = body.Statements[0];
                insertBefore = true;
                return true;
            default:
                return false;
        }
    }

    private static bool HasAddWithValue(ITypeSymbol? commandType)
    {
        for (var current = commandType; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Parameters"))
            {
                if (member is not IPropertySymbol { Type: { } collection })
                {
                    continue;
                }

                foreach (var candidate in collection.GetMembers("AddWithValue"))
                {
                    if (candidate is IMethodSymbol { Parameters.Length: 2 } method
                        && method.Parameters[0].Type.SpecialType == SpecialType.System_String
                        && method.Parameters[1].Type.SpecialType == SpecialType.System_Object)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return false;
    }

    private static SyntaxTriviaList Indentation(StatementSyntax statement)
    {
        var leading = statement.GetLeadingTrivia();
        var start = 0;
        for (var i = 0; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                start = i + 1;
            }
        }

        var indentation = new List<SyntaxTrivia>();
        for (var i = start; i < leading.Count; i++)
        {
            if (leading[i].IsKind(SyntaxKind.WhitespaceTrivia))
            {
                indentation.Add(leading[i]);
            }
        }

        return SyntaxFactory.TriviaList(indentation);
    }

    private static SyntaxTriviaList EndOfLine(StatementSyntax statement)
    {
        foreach (var trivia in statement.GetTrailingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return SyntaxFactory.TriviaList(trivia);
            }
        }

        return SyntaxFactory.TriviaList(SyntaxFactory.ElasticCarriageReturnLineFeed);
    }
}
