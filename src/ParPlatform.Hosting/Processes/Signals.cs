using System.Runtime.InteropServices;

namespace ParPlatform.Hosting.Processes;

/// <summary>The effective user of the AppHost, which .NET does not expose.</summary>
public static partial class Signals
{
    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;
}
