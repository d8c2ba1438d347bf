using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Emulator;

/// <summary>ITracingService for one plug-in execution: collects the lines for the trace log and for fault TraceText.</summary>
internal sealed class TracingService : ITracingService
{
    private readonly StringBuilder _text = new();

    public string Text => _text.ToString();

    public void Trace(string format, params object[] args)
    {
        var line = args is { Length: > 0 } ? string.Format(CultureInfo.InvariantCulture, format, args) : format;
        _text.AppendLine(line);
    }
}
