namespace AdWatch.Web.Security;

/// <summary>
/// Rules for account names and passwords, shared by the set-up page, the users page and <c>adwatch users add</c>.
/// Problems are Dutch texts (the pages localise them; the CLI has its own English wording, <see cref="PasswordProblemInEnglish"/>).
/// </summary>
/// <remarks>
/// Length alone let <c>aaaaaaaaaaaa</c> and twelve spaces through. A password is now also refused when it is only white space,
/// one character repeated, contains the account name, or is easy to guess: zxcvbn (the zxcvbn-core package, MIT, offline) scores
/// it against its bundled lists of common and breached passwords, names and English words plus the Dutch words of
/// <see cref="CommonDutchWords"/>, and a score below <see cref="MinStrengthScore"/> (of 0–4: "safely unguessable") is refused.
/// </remarks>
public static class AccountRules
{
    public const int MinPasswordLength = 12;
    public const int MaxPasswordLength = 500;
    public const int MaxNameLength = 64;

    /// <summary>zxcvbn's score a password needs: 3 = "safely unguessable: moderate protection from offline slow-hash scenarios".</summary>
    public const int MinStrengthScore = 3;

    // zxcvbn's matching grows faster than linearly with length; a password this long is judged on its first part.
    private const int MaxScoredLength = 100;

    /// <summary>Why a password is refused.</summary>
    public enum PasswordProblem
    {
        TooShort,
        TooLong,
        OnlyWhiteSpace,
        OneRepeatedCharacter,
        ContainsName,
        TooCommon,
    }

    /// <summary>
    /// Dutch words (and this app's own names) people build passwords from, which zxcvbn's English lists lack: matched as
    /// dictionary words, so <c>Welkom123456</c> counts as guessable as <c>Password1234</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> CommonDutchWords =
    [
        "welkom", "wachtwoord", "geheim", "hallo", "hoi", "doei", "liefde", "schatje", "lieverd", "mama", "papa", "oma", "opa",
        "zomer", "winter", "lente", "herfst", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
        "nederland", "holland", "amsterdam", "rotterdam", "utrecht", "denhaag", "eindhoven", "groningen", "harderwijk", "ermelo",
        "putten", "gelderland", "ajax", "feyenoord", "psv", "oranje", "voetbal", "politie", "gemeente", "toezicht", "handhaving",
        "adwatch", "beheer", "beheerder", "gebruiker", "analist", "coordinator", "admin", "inloggen", "toegang", "kantoor",
        "werk", "thuis", "school", "hond", "kat", "poes", "konijn", "paard", "prinses", "koning", "koningin", "kaas", "fiets",
        "appel", "banaan", "bloem", "tulp", "zonnetje", "sterretje", "eenhoorn", "draak", "regenboog", "snoepje", "knuffel",
        "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "nieuw", "oud", "test", "proef",
    ];

    /// <summary>Null when the name is acceptable; else the problem.</summary>
    public static string? CheckName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Vul een gebruikersnaam in."
        : name.Length > MaxNameLength ? "De gebruikersnaam is te lang (hoogstens 64 tekens)."
        : name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) ? "Een gebruikersnaam bevat geen spaties of stuurtekens."
        : null;

    /// <summary>Null when <paramref name="password"/> is acceptable for the account <paramref name="name"/>; else the problem in Dutch.</summary>
    public static string? CheckPassword(string? password, string? name) =>
        FindPasswordProblem(password, name) switch
        {
            null => null,
            PasswordProblem.TooShort => "Het wachtwoord moet minstens 12 tekens hebben.",
            PasswordProblem.TooLong => "Het wachtwoord is te lang (hoogstens 500 tekens).",
            PasswordProblem.OnlyWhiteSpace => "Het wachtwoord bestaat alleen uit spaties.",
            PasswordProblem.OneRepeatedCharacter => "Het wachtwoord herhaalt één teken; kies een zin van een paar woorden.",
            PasswordProblem.ContainsName => "Het wachtwoord bevat de gebruikersnaam.",
            PasswordProblem.TooCommon => "Dit wachtwoord is te makkelijk te raden (veelgebruikt of een bekend patroon); kies een zin van een paar ongewone woorden.",
            var other => throw new ArgumentOutOfRangeException(nameof(password), other, null),
        };

    /// <summary>The problem as the CLI says it (English, ending in "nothing was saved").</summary>
    public static string PasswordProblemInEnglish(PasswordProblem problem) => problem switch
    {
        PasswordProblem.TooShort => $"the password must have at least {MinPasswordLength} characters; nothing was saved.",
        PasswordProblem.TooLong => $"the password is too long (at most {MaxPasswordLength} characters); nothing was saved.",
        PasswordProblem.OnlyWhiteSpace => "the password is only spaces; nothing was saved.",
        PasswordProblem.OneRepeatedCharacter => "the password repeats one character; choose a phrase of a few words. Nothing was saved.",
        PasswordProblem.ContainsName => "the password contains the account name; nothing was saved.",
        PasswordProblem.TooCommon => "the password is too easy to guess (a common password or a known pattern); choose a phrase of a few unusual words. Nothing was saved.",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };

    /// <summary>Null when <paramref name="password"/> is acceptable for the account <paramref name="name"/>; else why not.</summary>
    public static PasswordProblem? FindPasswordProblem(string? password, string? name)
    {
        if (password is null || password.Length < MinPasswordLength)
        {
            return PasswordProblem.TooShort;
        }
        if (password.Length > MaxPasswordLength)
        {
            return PasswordProblem.TooLong;
        }
        if (string.IsNullOrWhiteSpace(password))
        {
            return PasswordProblem.OnlyWhiteSpace;
        }
        if (password.All(c => c == password[0]))
        {
            return PasswordProblem.OneRepeatedCharacter;
        }
        name = name?.Trim();
        // A name of one or two letters is in too many good passphrases to refuse them all; zxcvbn still weighs it.
        if (name is { Length: >= 3 } && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return PasswordProblem.ContainsName;
        }
        var scored = password.Length > MaxScoredLength ? password[..MaxScoredLength] : password;
        var inputs = string.IsNullOrEmpty(name) ? CommonDutchWords : [.. CommonDutchWords, name];
        return Zxcvbn.Zxcvbn.MatchPassword(scored, inputs).Score < MinStrengthScore ? PasswordProblem.TooCommon : null;
    }
}
