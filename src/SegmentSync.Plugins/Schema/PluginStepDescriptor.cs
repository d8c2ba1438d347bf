namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// A plug-in step (sdkmessageprocessingstep) the solution registers: which message and table run which plug-in
    /// type, at which stage and in which mode. Custom APIs need none: their plug-in is bound by the API itself.
    /// </summary>
    public sealed class PluginStepDescriptor
    {
        public PluginStepDescriptor(string pluginTypeName, string messageName, string primaryEntity, int stage, int mode,
            string description, string filteringAttributes = "", int rank = 1)
        {
            PluginTypeName = pluginTypeName;
            MessageName = messageName;
            PrimaryEntity = primaryEntity;
            Stage = stage;
            Mode = mode;
            Description = description;
            FilteringAttributes = filteringAttributes;
            Rank = rank;
        }

        /// <summary>Full name of the IPlugin type the step runs.</summary>
        public string PluginTypeName { get; }

        /// <summary>The SDK message (Create, Update, Delete).</summary>
        public string MessageName { get; }

        /// <summary>The table's logical name.</summary>
        public string PrimaryEntity { get; }

        /// <summary>10 pre-validation, 20 pre-operation, 40 post-operation.</summary>
        public int Stage { get; }

        /// <summary>0 synchronous, 1 asynchronous.</summary>
        public int Mode { get; }

        public string Description { get; }

        /// <summary>Comma-separated columns that trigger an Update step; empty: all.</summary>
        public string FilteringAttributes { get; }

        public int Rank { get; }

        /// <summary>The step's name, as the Plug-in Registration Tool writes it.</summary>
        public string Name => PluginTypeName + ": " + MessageName + " of " + PrimaryEntity;
    }
}
