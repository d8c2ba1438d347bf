using System.Collections.Generic;
using System.Globalization;

namespace SegmentSync.Plugins.Schema
{
    /// <summary>The environment variables the solution defines; plug-ins fall back to the defaults.</summary>
    public static class SegmentSyncSettings
    {
        public const string RequestBudget = "segsync_RequestBudget";
        public const string RunHistoryDays = "segsync_RunHistoryDays";
        public const string SegmentTarget = "segsync_SegmentTarget";
        public const string GuardMode = "segsync_GuardMode";

        public static SettingDescriptor RequestBudgetSetting => new SettingDescriptor(RequestBudget, "SegmentSync: requests per call",
            "Dataverse requests one import call may issue before it returns Applying (50-2000).", SettingType.Number,
            Limits.DefaultRequestBudget.ToString(CultureInfo.InvariantCulture));

        public static SettingDescriptor RunHistoryDaysSetting => new SettingDescriptor(RunHistoryDays, "SegmentSync: run history days",
            "Days an import run stays in the run history.", SettingType.Number, "30");

        public static SettingDescriptor SegmentTargetSetting => new SettingDescriptor(SegmentTarget, "SegmentSync: segment target",
            "Which Journeys segments SegmentSync writes: Outbound (msdyncrm_segment), RealTime (msdynmkt segments) or Auto (detect).",
            SettingType.String, "Auto");

        public static SettingDescriptor GuardModeSetting => new SettingDescriptor(GuardMode, "SegmentSync: manual edit guard",
            "What happens when someone edits a segment SegmentSync manages: Block or Warn.", SettingType.String, "Block");

        public static IReadOnlyList<SettingDescriptor> All => new[] { RequestBudgetSetting, RunHistoryDaysSetting, SegmentTargetSetting, GuardModeSetting };
    }
}
