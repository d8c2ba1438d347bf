using System;

namespace Microsoft.Xrm.Sdk.Client;

[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ProxyTypesAssemblyAttribute : Attribute
{
    public ProxyTypesAssemblyAttribute()
    {
    }
}
