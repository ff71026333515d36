namespace AdWatch.Web.Hosting;

/// <summary>
/// What one <c>adwatch serve</c> process does (<c>--role</c>). Scale-out on PostgreSQL: one or more <see cref="Web"/>
/// processes behind the proxy and any number of <see cref="Worker"/>s; each job runs once, whichever worker takes it.
/// </summary>
public enum ServeRole
{
    /// <summary>Dashboard and job server in one process: the embedded default, and the only role SQLite allows.</summary>
    All,
    /// <summary>The dashboard only: it enqueues jobs (an analysis after a phone mark, an export) but runs none.</summary>
    Web,
    /// <summary>The job server and the recurring schedules; HTTP answers only the health endpoints, for probes.</summary>
    Worker,
}
