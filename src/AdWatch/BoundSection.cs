namespace AdWatch;

/// <summary>
/// A configuration section and the options class bound to it, registered by
/// <see cref="ValidatedOptions.AddValidatedOptions{TOptions, TValidator}"/>. The host reads these to know every setting
/// AdWatch understands, so a misspelled key in adwatch.json or the environment is an error instead of silently ignored.
/// </summary>
public sealed record BoundSection(string Section, Type OptionsType);
