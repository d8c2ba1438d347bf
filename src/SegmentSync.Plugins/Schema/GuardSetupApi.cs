using System.Collections.Generic;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>
    /// Names and metadata of <c>segsync_ConfigureGuard</c>, which registers (or removes) the manual-edit guard's steps in
    /// an environment for the segment models it has. The steps cannot ship in the solution: they are on Journeys
    /// tables and messages that exist only where that model is installed, and the ids of Journeys' own messages belong
    /// to each environment.
    /// </summary>
    public static class GuardSetupApi
    {
        public const string ConfigureGuard = "segsync_ConfigureGuard";

        // Request parameter
        public const string Enabled = "Enabled";

        // Response properties
        public const string SegmentModels = "SegmentModels";
        public const string StepsCreated = "StepsCreated";
        public const string StepsUpdated = "StepsUpdated";
        public const string StepsRemoved = "StepsRemoved";
        public const string StepsActive = "StepsActive";
        public const string MessagesSkipped = "MessagesSkipped";

        /// <summary>Values in <see cref="SegmentModels"/>, separated by <see cref="ListSeparator"/>.</summary>
        public const string OutboundModel = "Outbound";
        public const string RealTimeModel = "RealTime";
        public const string ListSeparator = ",";

        /// <summary>Separates the entries of <see cref="MessagesSkipped"/>.</summary>
        public const string SkippedSeparator = "; ";

        /// <summary>Why a step of <see cref="MessagesSkipped"/> was not registered.</summary>
        public const string NotInEnvironment = "not in this environment";
        public const string CustomStepsNotAllowed = "custom steps not allowed";

        public static CustomApiDescriptor ConfigureGuardDescriptor => new CustomApiDescriptor(
            ConfigureGuard,
            "Configure the segment guard",
            "Registers (Enabled = true) or removes (false) the plug-in steps that protect the segments SegmentSync manages from manual member and field changes, for the Journeys segment models this environment has.",
            "SegmentSync.Plugins.Guard.ConfigureGuardPlugin",
            new[]
            {
                new ApiField(Enabled, ApiFieldType.Boolean, false, "True: register the guard's steps (again, after Journeys was installed or updated). False: remove them, as before uninstalling SegmentSync."),
            },
            new[]
            {
                new ApiField(SegmentModels, ApiFieldType.String, false, "The segment models the environment has, comma-separated: Outbound, RealTime."),
                new ApiField(StepsCreated, ApiFieldType.Integer, false, "Guard steps registered by this call."),
                new ApiField(StepsUpdated, ApiFieldType.Integer, false, "Guard steps whose settings this call restored (enabled again, stage, filtering attributes)."),
                new ApiField(StepsRemoved, ApiFieldType.Integer, false, "Guard steps removed by this call."),
                new ApiField(StepsActive, ApiFieldType.Integer, false, "Guard steps registered after the call."),
                new ApiField(MessagesSkipped, ApiFieldType.String, false, "Steps of a present segment model that were not registered, each as \"message [of table] (reason)\", separated by \"; \": the message is not in this environment, or it allows no custom steps."),
            },
            executePrivilegeName: PluginRegistrationTables.Step.CreatePrivilege);

        public static IReadOnlyList<CustomApiDescriptor> All => new[] { ConfigureGuardDescriptor };
    }
}
