using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Storage;
using SegmentSync.Plugins.Targets;

namespace SegmentSync.Plugins.Import
{
    /// <summary>The stores and the segment target one call works with, all over the call's budgeted service.</summary>
    public sealed class ImportServices
    {
        public ImportServices(IOrganizationService service, ISegmentTarget target)
        {
            Runs = new ImportRunStore(service);
            Batches = new ImportBatchStore(service);
            ExternalSegments = new ExternalSegmentStore(service);
            Contacts = new ContactDirectory(service);
            Target = target;
        }

        public ImportRunStore Runs { get; }
        public ImportBatchStore Batches { get; }
        public ExternalSegmentStore ExternalSegments { get; }
        public ContactDirectory Contacts { get; }
        public ISegmentTarget Target { get; }
    }
}
