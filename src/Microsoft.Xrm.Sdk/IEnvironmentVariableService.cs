namespace Microsoft.Xrm.Sdk;

/// <summary>Reads environment variable values (by schema name) inside a plug-in.</summary>
public interface IEnvironmentVariableService
{
    string RetrieveEnvironmentVariableValue(string environmentVariableName);
}
