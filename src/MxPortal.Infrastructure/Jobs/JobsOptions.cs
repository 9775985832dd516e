using System.ComponentModel.DataAnnotations;

namespace MxPortal.Infrastructure.Jobs;

/// <summary>Configuration section <c>Hangfire</c>: background job storage and server.</summary>
public sealed class JobsOptions
{
    public const string Section = "Hangfire";

    /// <summary>
    /// <c>Sqlite</c> (default: its own file, see <see cref="SqlitePath"/>), <c>Postgres</c> (the database of
    /// <c>Database:ConnectionString</c>, schema <c>hangfire</c>) or <c>InMemory</c> (tests only: jobs are lost on restart).
    /// </summary>
    public string Storage { get; set; } = "Sqlite";

    /// <summary>File of the SQLite job storage, relative to the working directory. Default <c>data/hangfire.db</c>.</summary>
    [Required]
    public string SqlitePath { get; set; } = "data/hangfire.db";

    /// <summary>Run a job server in this process (default true). A web-only node sets false.</summary>
    public bool Server { get; set; } = true;

    /// <summary>Worker threads of the job server. Default 4.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often an idle server polls the queue, in seconds. Default 5.</summary>
    [Range(1, 60)]
    public int QueuePollSeconds { get; set; } = 5;
}
