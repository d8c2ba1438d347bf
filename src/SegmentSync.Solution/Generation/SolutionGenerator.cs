namespace SegmentSync.Solution.Generation;

/// <summary>
/// Generates the unpacked solution source (the layout <c>pac solution unpack</c> writes) from a
/// <see cref="SolutionDefinition"/>. The same definition always gives the same files, byte for byte.
/// </summary>
public static class SolutionGenerator
{
    /// <summary>The files, keyed by path relative to the solution folder ('/' separated), in ordinal order.</summary>
    public static SortedDictionary<string, string> Generate(SolutionDefinition d)
    {
        CheckNames(d);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Other/Solution.xml"] = XmlText.Write(ComponentXml.Manifest(d, managed: 2), declaration: true),
            ["Other/Customizations.xml"] = XmlText.Write(ComponentXml.ResidualCustomizations(), declaration: true),
            ["Other/Relationships.xml"] = XmlText.Write(ComponentXml.RelationshipIndex(d), declaration: true),
        };
        foreach (var referenced in d.Relationships.Select(r => r.ReferencedEntity).Distinct())
        {
            files["Other/Relationships/" + referenced + ".xml"] = XmlText.Write(ComponentXml.Relationships(d, referenced), declaration: true);
        }

        foreach (var table in d.Tables)
        {
            foreach (var (path, text) in EntityXml.Files(table, d.PresentationOf(table.LogicalName))) files[path] = text;
        }

        var assemblyFolder = ComponentXml.AssemblyFolder(d);
        files[assemblyFolder + "/" + d.PluginAssembly.Name + ".dll.data.xml"] = XmlText.Write(ComponentXml.PluginAssembly(d), declaration: true);
        foreach (var step in d.Steps)
        {
            files["SdkMessageProcessingSteps/" + ComponentIds.Braced(ComponentXml.StepId(step)) + ".xml"] = XmlText.Write(ComponentXml.Step(d, step), declaration: true);
        }

        foreach (var api in d.CustomApis)
        {
            var folder = "customapis/" + api.UniqueName + "/";
            files[folder + "customapi.xml"] = XmlText.Write(ComponentXml.CustomApi(api), declaration: false);
            foreach (var field in api.RequestParameters)
            {
                files[folder + "customapirequestparameters/" + field.UniqueName + "/customapirequestparameter.xml"] = XmlText.Write(ComponentXml.RequestParameter(api, field), declaration: false);
            }

            foreach (var field in api.ResponseProperties)
            {
                files[folder + "customapiresponseproperties/" + field.UniqueName + "/customapiresponseproperty.xml"] = XmlText.Write(ComponentXml.ResponseProperty(api, field), declaration: false);
            }
        }

        foreach (var setting in d.Settings)
        {
            files["environmentvariabledefinitions/" + setting.SchemaName + "/environmentvariabledefinition.xml"] = XmlText.Write(ComponentXml.EnvironmentVariable(setting), declaration: false);
        }

        foreach (var role in d.Roles)
        {
            files["Roles/" + role.Name + ".xml"] = XmlText.Write(ComponentXml.Role(role), declaration: true);
        }

        FlowXml.AddTo(files, d);
        return files;
    }

    /// <summary>The publisher's prefixes on every name and option value, checked before anything is written.</summary>
    private static void CheckNames(SolutionDefinition d)
    {
        var problems = new List<string>();
        problems.AddRange(PrefixRules.Check(d.Config.Publisher,
            d.CustomApis.Select(a => ("Custom API", a.UniqueName)),
            d.Settings.Select(s => ("Environment variable", s.SchemaName)),
            d.Tables.Select(t => ("Table", t.LogicalName)),
            d.Tables.SelectMany(t => t.Columns.Where(c => c.Kind == Emulator.ColumnKind.Picklist).SelectMany(c => c.Options.Select(v => (t.LogicalName + "." + c.LogicalName, v))))));
        if (problems.Count > 0) throw new SolutionException(problems);
    }
}
