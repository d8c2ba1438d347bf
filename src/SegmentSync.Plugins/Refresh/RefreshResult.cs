using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Api = SegmentSync.Plugins.Schema.SegmentRefreshApi;

namespace SegmentSync.Plugins.Refresh
{
    /// <summary>The response of segsync_RefreshSegments.</summary>
    public sealed class RefreshResult
    {
        /// <summary>Applying while a run of the refresh is not finished or a segment has not been started; else Applied.</summary>
        public string Status { get; set; } = Api.Applied;
        public int SegmentsRefreshed { get; set; }
        public int SegmentsSkipped { get; set; }
        public int MembersAdded { get; set; }
        public int MembersRemoved { get; set; }
        public int MembersIgnored { get; set; }

        /// <summary>The runs this call started, and the refresh's earlier runs still Applying.</summary>
        public List<Guid> ImportIds { get; } = new List<Guid>();
        public DateTime RefreshStartedOn { get; set; }

        /// <summary>Segments still to start (a later call with <see cref="RefreshStartedOn"/> starts them).</summary>
        public int SegmentsNotStarted { get; set; }

        public void WriteTo(ParameterCollection output)
        {
            output[Api.Status] = Status;
            output[Api.SegmentsRefreshed] = SegmentsRefreshed;
            output[Api.SegmentsSkipped] = SegmentsSkipped;
            output[Api.MembersAdded] = MembersAdded;
            output[Api.MembersRemoved] = MembersRemoved;
            output[Api.MembersIgnored] = MembersIgnored;
            output[Api.ImportIds] = string.Join(Api.ImportIdSeparator.ToString(), ImportIds.ConvertAll(id => id.ToString("D")));
            output[Api.RefreshStartedOn] = RefreshStartedOn;
        }
    }
}
