namespace AdWatch.DemoSites.Scenario;

/// <summary>Ground truth about one (synthetic) advertiser; never rendered as such, used to score the pipeline.</summary>
/// <param name="Id">Stable id, e.g. "adv-0007".</param>
/// <param name="Name">Working name shown in ads, e.g. "Luna".</param>
/// <param name="PhoneE164">The real (invented) phone number behind every written form, e.g. "+31612345678".</param>
/// <param name="Role">Free-text role for the scenario, e.g. "touring", "club", "home-worker", "escort", "noise".</param>
/// <param name="ImageIds">Photos this advertiser reuses across ads and sites.</param>
public sealed record DemoAdvertiser(string Id, string Name, string PhoneE164, string Role, IReadOnlyList<string> ImageIds);
