using System;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Storage;
using SegmentSync.Plugins.Targets;

namespace SegmentSync.Plugins.Import
{
    /// <summary>The stores and the segment target one call works with, all over the call's budgeted service.</summary>
    public sealed class ImportServices
    {
        private readonly Func<ISegmentTarget> _targetFactory;
        private ISegmentTarget? _target;

        /// <param name="targetFactory">Chooses the target when first needed: receiving a batch never needs it.</param>
        public ImportServices(IOrganizationService service, Func<ISegmentTarget> targetFactory)
        {
            Runs = new ImportRunStore(service);
            Batches = new ImportBatchStore(service);
            ExternalSegments = new ExternalSegmentStore(service);
            Contacts = new ContactDirectory(service);
            _targetFactory = targetFactory;
        }

        public ImportRunStore Runs { get; }
        public ImportBatchStore Batches { get; }
        public ExternalSegmentStore ExternalSegments { get; }
        public ContactDirectory Contacts { get; }
        public ISegmentTarget Target => _target ?? (_target = _targetFactory());
    }
}
