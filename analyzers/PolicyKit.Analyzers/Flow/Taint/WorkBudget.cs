using System.Threading;

namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// The operation budget of one walk (a sink's trace or a method's summary). When it runs out the walk stops, answers
/// "clean" for whatever it had not reached (so a budget hit can only lose findings, never invent them) and records
/// the hit once in <see cref="TaintStatistics"/>.
/// </summary>
internal sealed class WorkBudget
{
    private readonly TaintStatistics _statistics;
    private readonly CancellationToken _cancellationToken;
    private int _remaining;
    private int _used;

    public WorkBudget(int operations, TaintStatistics statistics, CancellationToken cancellationToken)
    {
        _remaining = operations;
        _statistics = statistics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Whether the walk ran out of budget.</summary>
    public bool Exhausted { get; private set; }

    /// <summary>The limits this walk (or a summary it used) ran into; PK9003 reports them.</summary>
    public AnalysisLimit Limit { get; private set; }

    public CancellationToken CancellationToken => _cancellationToken;

    /// <summary>Counts one operation; false once the budget is spent.</summary>
    public bool Tick()
    {
        if (Exhausted)
        {
            return false;
        }

        _used++;
        if ((_used & 255) == 0)
        {
            _cancellationToken.ThrowIfCancellationRequested();
        }

        if (--_remaining >= 0)
        {
            return true;
        }

        Exhausted = true;
        Limit |= AnalysisLimit.TaintOperations;
        _statistics.BudgetHit();
        return false;
    }

    /// <summary>Stops the walk as if the budget were spent (recursion too deep).</summary>
    public void Stop()
    {
        if (!Exhausted)
        {
            Exhausted = true;
            Limit |= AnalysisLimit.TaintOperations;
            _statistics.BudgetHit();
        }
    }

    /// <summary>Records a limit met outside this walk's own count (a call chain cut at the depth limit, an incomplete summary).</summary>
    public void Reached(AnalysisLimit limit) => Limit |= limit;

    /// <summary>Adds this walk's count to the statistics; call once when the walk ends.</summary>
    public void Flush()
    {
        _statistics.AddOperations(_used);
        _used = 0;
    }
}
