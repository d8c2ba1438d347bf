using System.Collections.Generic;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Metadata of one Custom API exposed by a plug-in type: the single source from which the emulator registers the
    /// API and against which the solution's customapis/ folder is checked.
    /// </summary>
    public sealed class CustomApiDescriptor
    {
        public CustomApiDescriptor(string uniqueName, string displayName, string description, string pluginTypeName,
            IReadOnlyList<ApiField> requestParameters, IReadOnlyList<ApiField> responseProperties,
            string executePrivilegeName = ExternalSegmentTable.WritePrivilege, bool isWorkflowEnabled = false)
        {
            ExecutePrivilegeName = executePrivilegeName;
            IsWorkflowEnabled = isWorkflowEnabled;
            UniqueName = uniqueName;
            DisplayName = displayName;
            Description = description;
            PluginTypeName = pluginTypeName;
            RequestParameters = requestParameters;
            ResponseProperties = responseProperties;
        }

        public string UniqueName { get; }
        public string DisplayName { get; }
        public string Description { get; }

        /// <summary>Full name of the IPlugin type that implements the API.</summary>
        public string PluginTypeName { get; }

        /// <summary>Unbound action (binding type Global, not a function), callable from Power Automate.</summary>
        public bool IsFunction => false;

        public IReadOnlyList<ApiField> RequestParameters { get; }
        public IReadOnlyList<ApiField> ResponseProperties { get; }

        /// <summary>
        /// The privilege a caller needs to run the API (customapi.executeprivilegename). The import APIs write Journeys
        /// segments, so by default only users who may write segments can call them.
        /// </summary>
        public string ExecutePrivilegeName { get; }

        /// <summary>
        /// Enabled for Workflow (customapi.workflowsdkstepenabled): a classic workflow can call the API as an action
        /// step. Only for actions whose parameters and properties have types workflows support (see
        /// <see cref="ClassicWorkflowSupport"/>); it cannot be changed once the API exists.
        /// </summary>
        public bool IsWorkflowEnabled { get; }
    }
}
