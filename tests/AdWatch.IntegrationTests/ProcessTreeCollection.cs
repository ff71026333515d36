namespace AdWatch.IntegrationTests;

/// <summary>
/// Tests that count the test process's child processes (Chromium left behind?) must not run beside tests that start
/// children of their own (the adwatch executable, other browser crawls): xunit runs this collection on its own.
/// </summary>
[CollectionDefinition(nameof(ProcessTreeCollection), DisableParallelization = true)]
public sealed class ProcessTreeCollection;
