using System.Collections.Generic;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Every plug-in step the solution registers. None today: the import runs in Custom APIs, which need no step
    /// (a step on a Custom API's main operation is not allowed). The manual-edit guard adds its steps here.
    /// </summary>
    public static class PluginSteps
    {
        public static IReadOnlyList<PluginStepDescriptor> All => new PluginStepDescriptor[0];
    }
}
