using System;
using System.Collections.Generic;
using System.Globalization;
using SegmentSync.Plugins.Schema;

namespace SegmentSync.Plugins.Infrastructure
{
    /// <summary>
    /// The settings of one environment, read from SegmentSync's environment variables. A missing or unusable value
    /// falls back to its default (and says so in the trace) rather than failing an import.
    /// </summary>
    public sealed class SegmentSyncConfiguration
    {
        public const int MinRequestBudget = 50;
        public const int MaxRequestBudget = 2000;

        private SegmentSyncConfiguration(int requestBudget, string segmentTarget, string guardMode, int runHistoryDays, IReadOnlyList<string> warnings)
        {
            RequestBudget = requestBudget;
            SegmentTarget = segmentTarget;
            GuardMode = guardMode;
            RunHistoryDays = runHistoryDays;
            Warnings = warnings;
        }

        public int RequestBudget { get; }

        /// <summary>Outbound, RealTime or Auto.</summary>
        public string SegmentTarget { get; }

        /// <summary>Block or Warn.</summary>
        public string GuardMode { get; }

        public int RunHistoryDays { get; }

        /// <summary>Values that were ignored, for the trace.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public static SegmentSyncConfiguration Defaults => From(new Dictionary<string, string?>());

        /// <summary>Builds the configuration from schema name -> current value (value, else default, else null).</summary>
        public static SegmentSyncConfiguration From(IReadOnlyDictionary<string, string?> values)
        {
            var warnings = new List<string>();
            var budget = Number(values, SegmentSyncSettings.RequestBudgetSetting, MinRequestBudget, MaxRequestBudget, warnings);
            var days = Number(values, SegmentSyncSettings.RunHistoryDaysSetting, 1, 3650, warnings);
            var target = Choice(values, SegmentSyncSettings.SegmentTargetSetting, new[] { "Outbound", "RealTime", "Auto" }, warnings);
            var guard = Choice(values, SegmentSyncSettings.GuardModeSetting, new[] { "Block", "Warn" }, warnings);
            return new SegmentSyncConfiguration(budget, target, guard, days, warnings);
        }

        private static int Number(IReadOnlyDictionary<string, string?> values, SettingDescriptor setting, int min, int max, List<string> warnings)
        {
            var fallback = int.Parse(setting.DefaultValue, CultureInfo.InvariantCulture);
            if (!values.TryGetValue(setting.SchemaName, out var text) || string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            warnings.Add(string.Format(CultureInfo.InvariantCulture, "{0} = \"{1}\" is not a number from {2} to {3}; using {4}.", setting.SchemaName, text, min, max, fallback));
            return fallback;
        }

        private static string Choice(IReadOnlyDictionary<string, string?> values, SettingDescriptor setting, string[] allowed, List<string> warnings)
        {
            if (!values.TryGetValue(setting.SchemaName, out var text) || string.IsNullOrWhiteSpace(text))
            {
                return setting.DefaultValue;
            }

            foreach (var choice in allowed)
            {
                if (string.Equals(choice, text!.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return choice;
                }
            }

            warnings.Add(string.Format(CultureInfo.InvariantCulture, "{0} = \"{1}\" is not one of {2}; using {3}.", setting.SchemaName, text, string.Join(", ", allowed), setting.DefaultValue));
            return setting.DefaultValue;
        }
    }
}
