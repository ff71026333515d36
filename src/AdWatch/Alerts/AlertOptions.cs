using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace AdWatch.Alerts;

/// <summary>
/// Alerts (section <c>Alerts</c>): e-mail through an SMTP server and the daily digest. The inbox always works; e-mail is off
/// while <see cref="SmtpHost"/> is empty. Alerts also go to the signed webhook of <c>Exports:Webhook</c> when it is set.
/// </summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>SMTP server for alert e-mail; empty: no e-mail (the in-app inbox still gets every alert).</summary>
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    /// <summary><c>StartTls</c> (default: refuse a server without STARTTLS), <c>Tls</c> (port 465) or <c>None</c> (only for a local relay).</summary>
    public string SmtpSecurity { get; set; } = "StartTls";

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>The sender, e.g. <c>AdWatch &lt;adwatch@gemeente.example&gt;</c>.</summary>
    public string From { get; set; } = "AdWatch <adwatch@localhost>";

    /// <summary>The dashboard's public address, for the link in an e-mail (which names no address, phone or person).</summary>
    public string DashboardUrl { get; set; } = "http://localhost:5080";

    /// <summary>When the digest of the day's alerts goes out (cron, Europe/Amsterdam). Default: 07:30 every day.</summary>
    public string DigestCron { get; set; } = "30 7 * * *";

    /// <summary>
    /// How long after a measure ends (its closure or begunstigingstermijn end, or the day it was lifted) new ads at its location
    /// still raise a relapse alert. While a measure without an end runs, every new ad does.
    /// </summary>
    public int RelapseWatchDays { get; set; } = 180;

    public bool EmailEnabled => !string.IsNullOrWhiteSpace(SmtpHost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in new[]
        {
            ValidatedOptions.Between("Alerts:SmtpPort", SmtpPort, 1, 65535),
            ValidatedOptions.Between("Alerts:RelapseWatchDays", RelapseWatchDays, 0, 3650),
            ValidatedOptions.Required("Alerts:From", From, "an address such as \"AdWatch <adwatch@gemeente.example>\"."),
            ValidatedOptions.Required("Alerts:DigestCron", DigestCron, "a five-field cron expression such as \"30 7 * * *\"."),
        }.OfType<ValidationResult>())
        {
            yield return problem;
        }
        if (SmtpSecurity is not ("StartTls" or "Tls" or "None"))
        {
            yield return new ValidationResult($"Alerts:SmtpSecurity must be StartTls, Tls or None (was '{SmtpSecurity}').");
        }
        if (!MimeKit.MailboxAddress.TryParse(From, out _))
        {
            yield return new ValidationResult($"Alerts:From is not an e-mail address: '{From}'.");
        }
        if (!Uri.TryCreate(DashboardUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult($"Alerts:DashboardUrl must be an absolute http(s) URL (was '{DashboardUrl}').");
        }
        if (!string.IsNullOrWhiteSpace(DigestCron) && DigestCron.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
        {
            yield return new ValidationResult("Alerts:DigestCron must have five fields (minute hour day month weekday), e.g. \"30 7 * * *\".");
        }
    }
}

/// <summary>Checks <see cref="AlertOptions"/> at start.</summary>
[OptionsValidator]
public sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>;
