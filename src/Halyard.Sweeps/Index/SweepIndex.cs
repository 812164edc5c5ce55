using Halyard.Sweeps.Planning;

namespace Halyard.Sweeps.Index;

/// <summary>
/// The index of a sweep folder: <c>index.json</c> (the record of truth, rewritten atomically on every change)
/// and <c>index.db</c> (SQLite, the same rows). Thread-safe: workers record their jobs as they go. Resuming
/// is a rule here: a job whose name and configuration digest match a finished entry is never run again;
/// a failed, interrupted or changed one is.
/// </summary>
public sealed class SweepIndex : IDisposable
{
    public const string JsonFileName = "index.json";
    public const string SqliteFileName = "index.db";

    private readonly object _gate = new();
    private readonly string _folder;
    private readonly string _sweep;
    private readonly TimeProvider _time;
    private readonly IndexDatabase _database;
    private List<JobEntry> _entries;

    private SweepIndex(string folder, string sweep, TimeProvider time, List<JobEntry> entries)
    {
        _folder = folder;
        _sweep = sweep;
        _time = time;
        _entries = entries;
        _database = new IndexDatabase(Path.Combine(folder, SqliteFileName));
    }

    public string Folder => _folder;

    public IReadOnlyList<JobEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Opens (or starts) the index of a sweep folder.</summary>
    public static SweepIndex Open(string folder, string sweep, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(folder);
        return new SweepIndex(folder, sweep, time, [.. Read(folder)?.Jobs ?? []]);
    }

    /// <summary>The entries of a sweep folder's <c>index.json</c>, or null when it has none.</summary>
    public static IndexDocument? Read(string folder)
    {
        var path = Path.Combine(folder, JsonFileName);
        return File.Exists(path) ? IndexDocument.FromJson(File.ReadAllText(path)) : null;
    }

    /// <summary>
    /// Makes the index hold exactly the plan's jobs: a finished entry with the same digest is kept (and its job
    /// is not returned); anything else becomes pending — a changed configuration starts again at attempt 0,
    /// a failed or interrupted job keeps its attempts. Returns the jobs to run, in plan order.
    /// </summary>
    public IReadOnlyList<SweepJob> Reconcile(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var toRun = new List<SweepJob>();
        lock (_gate)
        {
            var previous = _entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
            var next = new List<JobEntry>(plan.Jobs.Count);
            foreach (var job in plan.Jobs)
            {
                var old = previous.GetValueOrDefault(job.Name);
                if (old is { Status: JobStatus.Done } && old.Digest == job.Digest && File.Exists(Path.Combine(_folder, old.RunFolder, "summary.json")))
                {
                    next.Add(old);
                    continue;
                }

                toRun.Add(job);
                next.Add(new JobEntry
                {
                    Name = job.Name,
                    Digest = job.Digest,
                    Axes = job.Axes,
                    RunFolder = job.RunFolder,
                    WindowFrom = job.Window.From,
                    WindowTo = job.Window.To,
                    Attempts = old is not null && old.Digest == job.Digest ? old.Attempts : 0,
                    Error = old is not null && old.Digest == job.Digest ? old.Error : null,
                });
            }

            _entries = next;
            _database.Retain(next.Select(e => e.Name).ToArray());
            SaveLocked(next);
        }

        return toRun;
    }

    /// <summary>Replaces the entry of the same name and saves; returns the saved entry (stamped <c>indexed_at</c> when done).</summary>
    public JobEntry Record(JobEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            var at = _entries.FindIndex(e => e.Name == entry.Name);
            if (at < 0)
            {
                throw new InvalidOperationException($"No job '{entry.Name}' in the index of {_folder}.");
            }

            if (entry.Status == JobStatus.Done && entry.IndexedAt is null)
            {
                entry = entry with { IndexedAt = _time.GetUtcNow() };
            }

            _entries[at] = entry;
            SaveLocked([entry]);
            return entry;
        }
    }

    /// <summary>The entry of a job by name.</summary>
    public JobEntry? Find(string name)
    {
        lock (_gate)
        {
            return _entries.Find(e => e.Name == name);
        }
    }

    public void Dispose() => _database.Dispose();

    private void SaveLocked(IReadOnlyList<JobEntry> changed)
    {
        var document = new IndexDocument(_sweep, _time.GetUtcNow(), _entries);
        var path = Path.Combine(_folder, JsonFileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, document.ToJson());
        File.Move(temp, path, overwrite: true);
        _database.Upsert(changed);
    }
}
