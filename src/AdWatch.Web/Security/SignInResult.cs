namespace AdWatch.Web.Security;

/// <summary>What a password sign-in came to. The page shows one message for every failure, so nobody learns which accounts exist.</summary>
public enum PasswordSignInResult
{
    Succeeded,
    Failed,
}
