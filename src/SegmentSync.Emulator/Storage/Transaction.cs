using System;
using System.Collections.Generic;

namespace SegmentSync.Emulator;

/// <summary>
/// A database transaction as an undo log: every write records how to undo itself; rollback replays the log
/// backwards. Work that must wait for the commit (asynchronous plug-in steps) is queued here and dropped on rollback.
/// </summary>
internal sealed class Transaction
{
    private readonly List<Action> _undo = new();
    private readonly List<Action> _afterCommit = new();

    /// <summary>Set when a request inside the transaction failed: the real platform has already rolled back by then.</summary>
    public Exception? DoomedBy { get; private set; }

    public bool IsDoomed => DoomedBy is not null;

    public bool IsFinished { get; private set; }

    public void RecordUndo(Action undo) => _undo.Add(undo);

    public void AfterCommit(Action action) => _afterCommit.Add(action);

    public void Doom(Exception cause) => DoomedBy ??= cause;

    public void Rollback()
    {
        if (IsFinished) return;
        IsFinished = true;
        for (var i = _undo.Count - 1; i >= 0; i--) _undo[i]();
        _undo.Clear();
        _afterCommit.Clear();
    }

    /// <summary>Commits and returns the work queued for after the commit.</summary>
    public IReadOnlyList<Action> Commit()
    {
        IsFinished = true;
        _undo.Clear();
        return _afterCommit.ToArray();
    }
}
