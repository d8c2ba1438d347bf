using System.Collections.Generic;
using System.Linq;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Every Custom API the plug-in assembly exposes: the one list the solution generator, the packer's checks and the
    /// local environment iterate. Add a new API's descriptors here.
    /// </summary>
    public static class CustomApis
    {
        public static IReadOnlyList<CustomApiDescriptor> All => SegmentImportApi.All.Concat(SegmentRefreshApi.All).Concat(GuardSetupApi.All).ToList();
    }
}
