using Microsoft.Xrm.Sdk;
using Api = SegmentSync.Plugins.Schema.SegmentImportApi;

namespace SegmentSync.Plugins.Import
{
    /// <summary>Writes an <see cref="ImportResult"/> into the Custom API's response properties.</summary>
    public static class ImportResponseWriter
    {
        public static void Write(ImportResult result, ParameterCollection output)
        {
            output[Api.SegmentId] = result.SegmentId;
            output[Api.ImportId] = result.ImportId;
            output[Api.Status] = result.Status;
            output[Api.BatchesReceived] = result.BatchesReceived;
            output[Api.MembersReceived] = result.MembersReceived;
            output[Api.MembersMatched] = result.MembersMatched;
            output[Api.MembersIgnored] = result.MembersIgnored;
            output[Api.MembersAdded] = result.MembersAdded;
            output[Api.MembersRemoved] = result.MembersRemoved;
        }
    }
}
