namespace SegmentSync.Emulator;

/// <summary>The privilege model (see <see cref="SecurityModel"/>).</summary>
public sealed partial class InMemoryDataverse
{
    private SecurityModel? _security;

    /// <summary>Roles, the users who hold them, and the privilege checks the pipeline makes.</summary>
    public SecurityModel Security
    {
        get
        {
            lock (Gate)
            {
                return _security ??= new SecurityModel(SystemUserId, user =>
                {
                    lock (Gate) return Store.Exists(SystemTables.SystemUser, user);
                });
            }
        }
    }
}
