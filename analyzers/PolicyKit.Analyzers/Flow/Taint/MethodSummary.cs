namespace PolicyKit.Analyzers.Flow.Taint;

/// <summary>
/// What one source-declared method does with its inputs: which parameters (and the receiver) flow to its return value,
/// and which sink kinds each of them reaches inside it (after its own sanitizers and guards).
/// </summary>
internal sealed class MethodSummary
{
    public static readonly MethodSummary Unknown = new(TaintValue.Clean, new SinkKind[64], new string?[64], AnalysisLimit.None);

    public MethodSummary(TaintValue returned, SinkKind[] parameterSinks, string?[] sinkNames, AnalysisLimit limit)
    {
        Return = returned;
        ParameterSinks = parameterSinks;
        SinkNames = sinkNames;
        Limit = limit;
    }

    /// <summary>The returned value in terms of the parameters (and any request data read inside).</summary>
    public TaintValue Return { get; }

    /// <summary>Indexed by <see cref="TaintValue.Bit"/> position: the sink kinds that input reaches.</summary>
    public SinkKind[] ParameterSinks { get; }

    /// <summary>Indexed like <see cref="ParameterSinks"/>: the first sink reached, for the message.</summary>
    public string?[] SinkNames { get; }

    /// <summary>The walk stopped at <see cref="TaintEngine.OperationBudget"/>: the summary may miss flows.</summary>
    public bool BudgetHit => (Limit & AnalysisLimit.TaintOperations) != 0;

    /// <summary>The limits met while summarising this method or the methods it calls: the summary may miss flows.</summary>
    public AnalysisLimit Limit { get; }

    public bool ReachesAnySink
    {
        get
        {
            foreach (var kinds in ParameterSinks)
            {
                if (kinds != SinkKind.None)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
