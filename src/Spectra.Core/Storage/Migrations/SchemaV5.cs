namespace Spectra.Core.Storage.Migrations;

/// <summary>
/// Records which process on which machine runs each run. A process that crashes, is killed or loses power never
/// records its run's end, and without this the run stayed 'running' for good, indistinguishable from one still
/// going. With it the integrity check can say that a run was interrupted, and the next run on the same machine
/// records it as failed. NULL for runs begun before this version. Only columns are added; no data is touched.
/// </summary>
internal static class SchemaV5
{
    public static Migration Migration { get; } = new(5, "the process that runs each run (interrupted runs)", Sql);

    private const string Sql = """
        ALTER TABLE runs ADD COLUMN host TEXT;
        ALTER TABLE runs ADD COLUMN process_id INTEGER;
        ALTER TABLE runs ADD COLUMN process_started_at INTEGER;
        """;
}
