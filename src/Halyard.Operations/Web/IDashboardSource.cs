using Halyard.Operations.Control;
using Halyard.Operations.Reports;

namespace Halyard.Operations.Web;

/// <summary>What the dashboard shows: the live process (with its controls) or finished run folders (read-only).</summary>
public interface IDashboardSource
{
    /// <summary>The traders side by side.</summary>
    IReadOnlyList<TraderRun> Runs();

    /// <summary>The live process's controls; null for finished runs.</summary>
    ControlCenter? Control { get; }

    /// <summary>What the header says (the venue, or the folders).</summary>
    string Title { get; }
}

/// <summary>Finished runs read from their folders (read again on each request: a growing journal shows its new cycles).</summary>
public sealed class FolderSource(IReadOnlyList<string> folders) : IDashboardSource
{
    public IReadOnlyList<TraderRun> Runs() => RunFolders.Load(folders);

    public ControlCenter? Control => null;

    public string Title => string.Join(", ", folders.Select(f => Path.GetFileName(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar))));
}

/// <summary>The running process.</summary>
public sealed class LiveSource(ControlCenter control) : IDashboardSource
{
    public IReadOnlyList<TraderRun> Runs() => control.Runs();

    public ControlCenter? Control => control;

    public string Title => "live: " + control.Session.VenueDescription;
}
