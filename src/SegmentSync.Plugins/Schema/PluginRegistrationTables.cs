namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Dataverse's plug-in registration tables, which the guard set-up reads and writes to register the manual-edit
    /// guard's steps in an environment (what the Plug-in Registration Tool does).
    /// </summary>
    public static class PluginRegistrationTables
    {
        /// <summary>sdkmessage: one row per message (Create, Update, msdyncrm_IncludeMembersInSegment, ...).</summary>
        public static class Message
        {
            public const string LogicalName = "sdkmessage";
            public const string Id = "sdkmessageid";
            public const string Name = "name";
        }

        /// <summary>sdkmessagefilter: which tables a message can be registered on.</summary>
        public static class MessageFilter
        {
            public const string LogicalName = "sdkmessagefilter";
            public const string Id = "sdkmessagefilterid";
            public const string MessageId = "sdkmessageid";
            public const string PrimaryEntity = "primaryobjecttypecode";

            /// <summary>False where the platform refuses custom steps on the message and table.</summary>
            public const string CustomStepsAllowed = "iscustomprocessingstepallowed";

            /// <summary>primaryobjecttypecode of a message that is not bound to a table.</summary>
            public const string NoEntity = "none";
        }

        /// <summary>plugintype: a class of a registered plug-in assembly.</summary>
        public static class PluginType
        {
            public const string LogicalName = "plugintype";
            public const string Id = "plugintypeid";
            public const string TypeName = "typename";
            public const string AssemblyName = "assemblyname";
        }

        /// <summary>sdkmessageprocessingstep: a plug-in step.</summary>
        public static class Step
        {
            public const string LogicalName = "sdkmessageprocessingstep";
            public const string Id = "sdkmessageprocessingstepid";
            public const string Name = "name";
            public const string Description = "description";
            public const string EventHandler = "eventhandler";
            public const string MessageId = "sdkmessageid";
            public const string MessageFilterId = "sdkmessagefilterid";
            public const string Stage = "stage";
            public const string Mode = "mode";
            public const string Rank = "rank";
            public const string FilteringAttributes = "filteringattributes";
            public const string SupportedDeployment = "supporteddeployment";
            public const string AsyncAutoDelete = "asyncautodelete";
            public const string StateCode = "statecode";
            public const string StatusCode = "statuscode";

            /// <summary>supporteddeployment Server Only: the step runs in Dataverse.</summary>
            public const int ServerOnly = 0;

            /// <summary>statecode/statuscode of an enabled step.</summary>
            public const int EnabledState = 0;
            public const int EnabledStatus = 1;

            /// <summary>The privilege that registering a step needs (System Administrator and System Customizer hold it).</summary>
            public const string CreatePrivilege = "prvCreateSdkMessageProcessingStep";
        }
    }
}
