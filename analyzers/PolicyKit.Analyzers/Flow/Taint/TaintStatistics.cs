using System.Threading;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// Counters of one compilation's taint analysis, so that tests (and anyone profiling) can check the bounds on counts
/// rather than on wall time. Updated with <see cref="Interlocked"/>: callbacks run concurrently.
/// </summary>
internal sealed class TaintStatistics
{
    private long _operationsVisited;
    private long _budgetHits;
    private long _depthLimitHits;
    private long _summariesComputed;

    /// <summary>Operations visited by every walk and index build.</summary>
    public long OperationsVisited => Interlocked.Read(ref _operationsVisited);

    /// <summary>Walks that stopped because they used up <see cref="TaintEngine.OperationBudget"/>.</summary>
    public long BudgetHits => Interlocked.Read(ref _budgetHits);

    /// <summary>Calls not followed because the chain was already <see cref="TaintEngine.MaxDepth"/> deep.</summary>
    public long DepthLimitHits => Interlocked.Read(ref _depthLimitHits);

    /// <summary>Method summaries computed (each method at most once per remaining depth).</summary>
    public long SummariesComputed => Interlocked.Read(ref _summariesComputed);

    internal void AddOperations(long count) => Interlocked.Add(ref _operationsVisited, count);

    internal void BudgetHit() => Interlocked.Increment(ref _budgetHits);

    internal void DepthLimitHit() => Interlocked.Increment(ref _depthLimitHits);

    internal void SummaryComputed() => Interlocked.Increment(ref _summariesComputed);
}
