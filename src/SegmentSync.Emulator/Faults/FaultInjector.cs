using System;
using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>
/// Makes chosen requests fail before they execute, so the failure rolls back the transaction exactly as a real
/// failure would. Every request counts, including nested ones issued by plug-ins and the items of
/// ExecuteMultiple/ExecuteTransaction. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<Rule> _rules = new();
    private long _seen;
    private int _injected;

    /// <summary>How many requests have been failed so far.</summary>
    public int Injected
    {
        get { lock (_gate) return _injected; }
    }

    /// <summary>
    /// Fails the <paramref name="n"/>-th request from now (1 = the next one) with <paramref name="fault"/>'s exception,
    /// by default a transient SQL timeout fault.
    /// </summary>
    public void FailNth(int n, Func<Exception>? fault = null)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "n is 1-based.");
        lock (_gate)
        {
            var target = _seen + n;
            _rules.Add(new Rule(info => info.Sequence == target, fault ?? DefaultFault, 1));
        }
    }

    /// <summary>Fails the next <paramref name="times"/> requests that match <paramref name="predicate"/>.</summary>
    public void FailWhen(Func<RequestInfo, bool> predicate, Func<Exception>? fault = null, int times = 1)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        if (times < 1) throw new ArgumentOutOfRangeException(nameof(times));
        lock (_gate) _rules.Add(new Rule(predicate, fault ?? DefaultFault, times));
    }

    /// <summary>Removes every pending rule (the Injected count stays).</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
    }

    /// <summary>The fault Dataverse returns for a transient SQL timeout; callers are expected to retry it.</summary>
    public static Exception DefaultFault()
    {
        return DataverseFault.Create(
            ErrorCodes.SqlTimeout,
            "Sql error: 'Execution Timeout Expired. The timeout period elapsed prior to completion of the operation or the server is not responding.'");
    }

    /// <summary>Numbers the request and returns the exception to throw for it, if a rule matches.</summary>
    internal Exception? Check(Func<long, RequestInfo> describe)
    {
        lock (_gate)
        {
            _seen++;
            if (_rules.Count == 0) return null;
            var info = describe(_seen);
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!rule.Predicate(info)) continue;
                rule.Remaining--;
                if (rule.Remaining == 0) _rules.RemoveAt(i);
                _injected++;
                return rule.Fault();
            }

            return null;
        }
    }

    /// <summary>The sequence number the next request will get.</summary>
    internal long NextSequence
    {
        get { lock (_gate) return _seen + 1; }
    }

    private sealed class Rule
    {
        public Rule(Func<RequestInfo, bool> predicate, Func<Exception> fault, int remaining)
        {
            Predicate = predicate;
            Fault = fault;
            Remaining = remaining;
        }

        public Func<RequestInfo, bool> Predicate { get; }

        public Func<Exception> Fault { get; }

        public int Remaining { get; set; }
    }
}
