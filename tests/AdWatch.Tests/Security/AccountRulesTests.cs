using AdWatch.Web.Security;
using static AdWatch.Web.Security.AccountRules;

namespace AdWatch.Tests.Security;

/// <summary>
/// The password policy of <see cref="AccountRules"/>: length alone let <c>aaaaaaaaaaaa</c> and twelve spaces through; common,
/// breached and patterned passwords, and ones holding the account name, are refused now, offline.
/// </summary>
public sealed class AccountRulesTests
{
    [Theory]
    [InlineData("aaaaaaaaaaaa", PasswordProblem.OneRepeatedCharacter)]
    [InlineData("            ", PasswordProblem.OnlyWhiteSpace)]
    [InlineData("\t \t \t \t \t \t ", PasswordProblem.OnlyWhiteSpace)]
    [InlineData("Welkom123456", PasswordProblem.TooCommon)]
    [InlineData("password1234", PasswordProblem.TooCommon)]
    [InlineData("Wachtwoord2024!", PasswordProblem.TooCommon)]
    [InlineData("qwertyuiop123", PasswordProblem.TooCommon)]
    [InlineData("123456789012", PasswordProblem.TooCommon)]
    [InlineData("iloveyou12345", PasswordProblem.TooCommon)]
    [InlineData("kort", PasswordProblem.TooShort)]
    public void Refuses_WeakPasswords(string password, PasswordProblem expected)
    {
        FindPasswordProblem(password, "marieke").ShouldBe(expected);
        FindPasswordProblem(password, "dora").ShouldBe(expected);
        FindPasswordProblem(password, null).ShouldBe(expected);
    }

    [Theory]
    [InlineData("marieke-2024-zomer")]
    [InlineData("MARIEKE gaat fietsen langs de dijk")]
    public void Refuses_APassword_ThatContainsTheAccountName(string password) =>
        FindPasswordProblem(password, "marieke").ShouldBe(PasswordProblem.ContainsName);

    [Theory]
    [InlineData("paarse giraffe fietst naar Zwolle")]
    [InlineData("correct horse battery staple")]
    [InlineData("vR7#kq!2Lm9@xT")]
    public void Accepts_AStrongPassphrase(string password) =>
        FindPasswordProblem(password, "marieke").ShouldBeNull();

    [Fact]
    public void Problems_AreDutchForThePages_AndEnglishForTheCli()
    {
        CheckPassword("Welkom123456", "marieke").ShouldStartWith("Dit wachtwoord is te makkelijk te raden");
        PasswordProblemInEnglish(PasswordProblem.TooCommon).ShouldStartWith("the password is too easy to guess");
        CheckPassword("paarse giraffe fietst naar Zwolle", "marieke").ShouldBeNull();
    }

    [Fact]
    public void Judges_AVeryLongPassword_WithoutRefusingIt()
    {
        var password = string.Concat(Enumerable.Repeat("paarse giraffe fietst naar Zwolle ", 14));

        password.Length.ShouldBeLessThanOrEqualTo(MaxPasswordLength);
        FindPasswordProblem(password, "marieke").ShouldBeNull();
        FindPasswordProblem(password + new string('x', MaxPasswordLength), "marieke").ShouldBe(PasswordProblem.TooLong);
    }
}
