using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SegmentSync.Client.Push;

/// <summary>
/// What a push has done so far, kept in a small JSON file per (environment, segment, export content) so a re-run
/// after a failure resumes the same import: the same ImportId and batching, only the batches not yet acknowledged.
/// </summary>
public sealed class ResumeState
{
    public Guid ImportId { get; set; }

    public int BatchSize { get; set; }

    public int BatchCount { get; set; }

    public DateTime ExportedOn { get; set; }

    public SortedSet<int> Acknowledged { get; set; } = new();

    public DateTime StartedOn { get; set; }
}

public sealed class ResumeStateStore(string directory)
{
    /// <summary>$XDG_STATE_HOME/segsync or ~/.local/state/segsync (LOCALAPPDATA\segsync on Windows).</summary>
    public static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "segsync");
        if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "segsync");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "segsync");
    }

    public string Directory { get; } = directory;

    public string PathFor(Uri environment, string segmentId, string fingerprint)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{environment.GetLeftPart(UriPartial.Authority).ToLowerInvariant()}\n{segmentId}\n{fingerprint}")))[..24].ToLowerInvariant();
        return Path.Combine(Directory, $"push-{key}.json");
    }

    public ResumeState? Load(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ResumeState>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            return null; // a damaged state file: start over with a new import
        }
    }

    /// <summary>Writes atomically (a temporary file, then a rename), so a crash never leaves half a file.</summary>
    public void Save(string path, ResumeState state)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state));
        File.Move(temporary, path, overwrite: true);
    }

    public static void Delete(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
