namespace AdWatch.Analysis;

/// <summary>analysis.yaml or licensed-venues.csv is unusable; the message names the file, line and field.</summary>
public sealed class AnalysisConfigException(string message) : Exception(message);
