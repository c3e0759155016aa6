using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Flow;

/// <summary>Key comparer for per-method summaries cached by remaining helper depth.</summary>
internal sealed class MethodBudgetKeyComparer : IEqualityComparer<(IMethodSymbol Method, int Budget)>
{
    public static readonly MethodBudgetKeyComparer Instance = new();

    public bool Equals((IMethodSymbol Method, int Budget) x, (IMethodSymbol Method, int Budget) y) =>
        x.Budget == y.Budget && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

    public int GetHashCode((IMethodSymbol Method, int Budget) obj) =>
        (SymbolEqualityComparer.Default.GetHashCode(obj.Method) * 31) + obj.Budget;
}
