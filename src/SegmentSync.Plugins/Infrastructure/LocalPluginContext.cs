using System;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Domain;
using SegmentSync.Plugins.Schema;
using SegmentSync.Plugins.Storage;

namespace SegmentSync.Plugins.Infrastructure
{
    /// <summary>Everything one plug-in call needs: its context, tracing, a budgeted organization service.</summary>
    public sealed class LocalPluginContext
    {
        private readonly ITracingService _tracing;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly string _pluginName;
        private readonly IOrganizationServiceFactory _factory;
        private SegmentSyncConfiguration? _configuration;
        private IOrganizationService? _systemService;

        public LocalPluginContext(IServiceProvider serviceProvider, string pluginName)
        {
            _pluginName = pluginName;
            ExecutionContext = Require<IPluginExecutionContext>(serviceProvider);
            _tracing = Require<ITracingService>(serviceProvider);
            _factory = Require<IOrganizationServiceFactory>(serviceProvider);
            Budget = new WorkBudget(Limits.DefaultRequestBudget);
            // The caller's identity, so Dataverse's security decides what the call may touch.
            OrganizationService = new BudgetedOrganizationService(_factory.CreateOrganizationService(ExecutionContext.UserId), Budget);
        }

        public IPluginExecutionContext ExecutionContext { get; }

        /// <summary>Counts every request against <see cref="Budget"/>.</summary>
        public IOrganizationService OrganizationService { get; }

        public WorkBudget Budget { get; }

        /// <summary>
        /// A service running as SYSTEM (counted against <see cref="Budget"/> too), for reads that must not depend on the
        /// caller's privileges: the settings, and the guard's look-up of which segments SegmentSync manages.
        /// </summary>
        public IOrganizationService SystemService =>
            _systemService ?? (_systemService = new BudgetedOrganizationService(_factory.CreateOrganizationService(null), Budget));

        /// <summary>
        /// The environment's settings, read on first use (one query) so that calls which do not need them, such as
        /// receiving a batch, do not pay for them. Reading them sets the call's request budget.
        /// </summary>
        public SegmentSyncConfiguration Configuration
        {
            get
            {
                if (_configuration == null)
                {
                    _configuration = new SettingsStore(SystemService).Read();
                    Budget.Resize(_configuration.RequestBudget);
                    foreach (var warning in _configuration.Warnings)
                    {
                        Trace("Setting ignored: {0}", warning);
                    }
                }

                return _configuration;
            }
        }

        /// <summary>The platform's time for this operation (UTC).</summary>
        public DateTime NowUtc
        {
            get
            {
                var created = ExecutionContext.OperationCreatedOn;
                return created == default(DateTime) ? DateTime.UtcNow : DateTime.SpecifyKind(created, DateTimeKind.Utc);
            }
        }

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Writes a trace line prefixed with the elapsed time, so a support engineer sees where time went.</summary>
        public void Trace(string format, params object[] args)
        {
            var message = args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args);
            _tracing.Trace("[{0}] +{1}ms {2}", _pluginName, _clock.ElapsedMilliseconds, message);
        }

        private static T Require<T>(IServiceProvider provider) where T : class =>
            provider.GetService(typeof(T)) as T
            ?? throw new InvalidPluginExecutionException(typeof(T).Name + " is not available to the plug-in.");
    }
}
