using System;

namespace Microsoft.Xrm.Sdk;

public interface IFeatureControlService
{
    object GetFeatureControl(string namespaceName, string featureControlName, out Type featureControlType);
}
