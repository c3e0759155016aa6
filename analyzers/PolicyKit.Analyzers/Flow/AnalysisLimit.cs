using System;

namespace PolicyKit.Analyzers.Flow;

/// <summary>
/// Which bound stopped an analysis before it had seen everything (PK9003 names it). A limit can only lose findings:
/// whatever a walk did not reach counts as clean.
/// </summary>
[Flags]
internal enum AnalysisLimit
{
    None = 0,

    /// <summary>A taint walk used up <see cref="Taint.TaintEngine.OperationBudget"/> (or recursed too deep).</summary>
    TaintOperations = 1,

    /// <summary>A call chain was longer than <see cref="Taint.TaintEngine.MaxDepth"/> (recursion excluded).</summary>
    TaintDepth = 2,

    /// <summary>The SQL string analysis used up <see cref="StringOriginAnalysis.OperationBudget"/>.</summary>
    StringOperations = 4,
}
