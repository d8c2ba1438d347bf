using System.Globalization;
using System.Text;

namespace Microsoft.Xrm.Sdk;

/// <summary>The detail of FaultException&lt;OrganizationServiceFault&gt; thrown by IOrganizationService.</summary>
public class OrganizationServiceFault : BaseServiceFault
{
    public OrganizationServiceFault()
    {
    }

    public string TraceText { get; set; }

    public OrganizationServiceFault InnerFault { get; set; }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("OrganizationServiceFault: ErrorCode=0x")
            .Append(ErrorCode.ToString("X8", CultureInfo.InvariantCulture))
            .Append(", Message=")
            .Append(Message);
        if (InnerFault != null)
        {
            text.Append(" ---> ").Append(InnerFault);
        }

        return text.ToString();
    }
}
