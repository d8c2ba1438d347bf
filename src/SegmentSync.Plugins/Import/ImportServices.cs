using System;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;
using SegmentSync.Plugins.Targets;

namespace SegmentSync.Plugins.Import
{
    /// <summary>The stores and the segment target one call works with, all over the call's budgeted service.</summary>
    public sealed class ImportServices
    {
        private readonly Func<SegmentTargetOption?, ISegmentTarget> _targetResolver;
        private ISegmentTarget? _target;

        /// <param name="targetResolver">Chooses the target, given the one a segment already uses, when first needed: receiving a batch never needs it.</param>
        public ImportServices(IOrganizationService service, Func<SegmentTargetOption?, ISegmentTarget> targetResolver)
        {
            Runs = new ImportRunStore(service);
            Batches = new ImportBatchStore(service);
            ExternalSegments = new ExternalSegmentStore(service);
            Contacts = new ContactDirectory(service);
            _targetResolver = targetResolver;
        }

        /// <summary>The services of one plug-in call: its budgeted service, and the target its settings choose.</summary>
        public static ImportServices For(Infrastructure.LocalPluginContext context) =>
            new ImportServices(context.OrganizationService, existing => SegmentTargets.Resolve(context, existing));

        public ImportRunStore Runs { get; }
        public ImportBatchStore Batches { get; }
        public ExternalSegmentStore ExternalSegments { get; }
        public ContactDirectory Contacts { get; }

        /// <summary>The target of an external segment (null for a new one); resolved once per call.</summary>
        public ISegmentTarget TargetFor(ExternalSegmentState? external) =>
            _target ?? (_target = _targetResolver(external?.TargetSegmentId.HasValue == true ? external.Target : (SegmentTargetOption?)null));
    }
}
