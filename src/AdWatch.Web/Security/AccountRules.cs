namespace AdWatch.Web.Security;

/// <summary>
/// Rules for account names and passwords, shared by the set-up page, the users page and <c>adwatch users add</c>.
/// Problems are Dutch texts (the pages localise them; the CLI has its own English wording).
/// </summary>
public static class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxNameLength = 64;

    /// <summary>Null when the name is acceptable; else the problem.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Vul een gebruikersnaam in."
        : name.Length > MaxNameLength ? "De gebruikersnaam is te lang (hoogstens 64 tekens)."
        : name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "Een gebruikersnaam bevat geen spaties of stuurtekens."
        : null;

    /// <summary>Null when the password is acceptable; else the problem.</summary>
    public static string? CheckPassword(string? password) =>
        password is null || password.Length < MinPasswordLength ? "Het wachtwoord moet minstens 12 tekens hebben."
        : password.Length > 500 ? "Het wachtwoord is te lang (hoogstens 500 tekens)."
        : null;
}
