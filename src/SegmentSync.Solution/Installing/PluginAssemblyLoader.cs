using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using Microsoft.Xrm.Sdk;

namespace SegmentSync.Solution.Installing;

/// <summary>
/// Loads a plug-in assembly from its bytes into its own load context, as the sandbox loads a registered assembly:
/// Microsoft.Xrm.Sdk resolves to the SDK already loaded here (the contract with the real SDK's identity), everything
/// else to the runtime's framework. The same bytes are loaded once per process.
/// </summary>
public static class PluginAssemblyLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    public static Assembly Load(byte[] image)
    {
        var key = Convert.ToHexString(SHA256.HashData(image));
        return Loaded.GetOrAdd(key, _ => new Lazy<Assembly>(() =>
        {
            var context = new PluginLoadContext("plugin-" + key[..12]);
            using var stream = new MemoryStream(image, writable: false);
            return context.LoadFromStream(stream);
        })).Value;
    }

    private sealed class PluginLoadContext(string name) : AssemblyLoadContext(name, isCollectible: false)
    {
        private static readonly Assembly Sdk = typeof(IPlugin).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (assemblyName.Name == Sdk.GetName().Name) return Sdk;
            return null;
        }
    }
}
