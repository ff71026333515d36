namespace AdWatch.Web.Cli;

/// <summary>Process exit codes; scripts depend on them.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;
}
