using System.Reflection;
using System.Reflection.PortableExecutable;

namespace Halyard.Cycle.Replay;

/// <summary>
/// Whether an assembly was loaded from a ReadyToRun image (code compiled ahead of time, used from the first call
/// instead of a first-time JIT compilation): its CLI header points at a managed native header.
/// </summary>
internal static class ReadyToRunImage
{
    public static bool Holds(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var location = assembly.Location;
        if (string.IsNullOrEmpty(location) || !File.Exists(location))
        {
            return false;
        }

        using var stream = File.OpenRead(location);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }
}
