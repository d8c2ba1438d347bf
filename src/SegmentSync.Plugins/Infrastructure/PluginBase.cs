using System;
using Microsoft.Xrm.Sdk;
using SegmentSync.Plugins.Domain;

namespace SegmentSync.Plugins.Infrastructure
{
    /// <summary>
    /// Implements <see cref="IPlugin"/> once: builds a <see cref="LocalPluginContext"/>, runs the plug-in, and turns
    /// refusals into the <see cref="InvalidPluginExecutionException"/> Dataverse shows the caller.
    /// </summary>
    /// <remarks>
    /// Dataverse caches plug-in instances and runs one instance on many threads at once: derived classes must keep
    /// no state in fields; everything a call needs lives in its <see cref="LocalPluginContext"/>.
    /// </remarks>
    public abstract class PluginBase : IPlugin
    {
        protected PluginBase(string unsecureConfiguration, string secureConfiguration)
        {
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        protected PluginBase() : this(string.Empty, string.Empty)
        {
        }

        protected string UnsecureConfiguration { get; }
        protected string SecureConfiguration { get; }

        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null)
            {
                throw new InvalidPluginExecutionException("The plug-in was called without a service provider.");
            }

            var context = new LocalPluginContext(serviceProvider, GetType().Name);
            context.Trace("Entered {0}: message {1}, depth {2}, correlation {3}.",
                GetType().Name, context.ExecutionContext.MessageName, context.ExecutionContext.Depth, context.ExecutionContext.CorrelationId);
            try
            {
                ExecuteDataversePlugin(context);
            }
            catch (ImportValidationException refusal)
            {
                context.Trace("Refused: {0}", refusal.TraceMessage ?? refusal.Message);
                throw new InvalidPluginExecutionException(refusal.Message, refusal);
            }
            catch (SegmentSyncDataException unreadable)
            {
                context.Trace("Failed: {0}", unreadable.Message);
                throw new InvalidPluginExecutionException(unreadable.Message, unreadable);
            }
            catch (Exception failure) when (!(failure is InvalidPluginExecutionException))
            {
                // Kept by the plug-in trace log (a failed call's trace is logged even at the "Exception" level), while
                // everything the call wrote is rolled back.
                context.Trace("Failed after {0} Dataverse requests: {1}. Everything this call wrote is rolled back; the caller may send it again.",
                    context.Budget.Spent, Describe(failure));
                throw;
            }
            finally
            {
                context.Trace("Exiting {0}: {1} Dataverse requests.", GetType().Name, context.Budget.Spent);
            }
        }

        private static string Describe(Exception failure)
        {
            var code = failure is System.ServiceModel.FaultException<OrganizationServiceFault> fault
                ? " 0x" + fault.Detail.ErrorCode.ToString("X8", System.Globalization.CultureInfo.InvariantCulture)
                : string.Empty;
            return failure.GetType().Name + code;
        }

        /// <summary>The plug-in's work. Throw <see cref="ImportValidationException"/> to refuse a call.</summary>
        protected abstract void ExecuteDataversePlugin(LocalPluginContext context);
    }
}
