using AdWatch.Web.Security;
using Microsoft.Playwright;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Sign-in in a real browser (Debian's Chromium): the form, the layout after it, accessibility, screenshots.</summary>
[Collection(DashboardCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInBrowserTests(DashboardFixture fixture)
{
    [Fact]
    public async Task SignInPage_IsAccessible_AndSignsIn()
    {
        var page = await fixture.NewAnonymousPageAsync();
        try
        {
            await page.GotoAsync("/");
            new Uri(page.Url).AbsolutePath.ShouldBe("/account/signin");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("nl-NL");
            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, "sign-in");

            await page.FillAsync("#name", "coco");
            await page.FillAsync("#password", DashboardFixture.Accounts[Policies.CoordinatorRole].Password);
            await page.ClickAsync("button[type=submit].primary");
            await page.WaitForURLAsync(fixture.BaseUrl + "/");

            (await page.Locator(".user-name").TextContentAsync()).ShouldBe("coco");
            (await page.Locator("main#main").CountAsync()).ShouldBe(1);
            (await page.Locator("nav a[href='/admin/users']").CountAsync()).ShouldBe(0, "only admins see the admin links");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task SignInForm_LocksTheAccount_AfterFiveWrongPasswords()
    {
        var password = await fixture.AddUserAsync("bram", Policies.AnalystRole);
        var page = await fixture.NewAnonymousPageAsync();
        try
        {
            await page.GotoAsync("/account/signin");
            for (var i = 0; i < 5; i++)
            {
                (await SubmitAsync(page, "bram", "verkeerd-wachtwoord-" + i)).ShouldBe(200);
                (await page.Locator("#signin-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("Inloggen mislukt");
            }

            // The right password: a sign-in would answer the POST with a redirect (302); a locked account gets the form again.
            (await SubmitAsync(page, "bram", password)).ShouldBe(200, "the right password is refused while the account is locked");
            new Uri(page.Url).AbsolutePath.ShouldBe("/account/signin");
            (await page.Locator("#signin-error").TextContentAsync()).ShouldNotBeNull().ShouldContain("Inloggen mislukt");
            (await page.Locator(".user-name").CountAsync()).ShouldBe(0);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [InlineData(Policies.AnalystRole, 403)]
    [InlineData(Policies.CoordinatorRole, 403)]
    [InlineData(Policies.AdminRole, 200)]
    public async Task Hangfire_OpensForAdminsOnly_InTheBrowser(string role, int expected)
    {
        var page = await fixture.NewPageAsync(role);
        try
        {
            var response = await page.GotoAsync("/hangfire");

            response.ShouldNotBeNull().Status.ShouldBe(expected);
            (await page.ContentAsync()).Contains("Hangfire", StringComparison.Ordinal).ShouldBe(expected == 200);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Fills and submits the sign-in form; returns the HTTP status of the POST and waits for the page it leads to.</summary>
    private static async Task<int> SubmitAsync(IPage page, string name, string password)
    {
        await page.FillAsync("#name", name);
        await page.FillAsync("#password", password);
        var response = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.Contains("/account/signin", StringComparison.OrdinalIgnoreCase));
        await page.ClickAsync("button[type=submit].primary");
        var status = (await response).Status;
        await page.WaitForLoadStateAsync(LoadState.Load);
        return status;
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await fixture.NewPageAsync(Policies.AdminRole);
        try
        {
            (await page.Locator("nav a[href='/admin/users']").CountAsync()).ShouldBe(1);

            await page.ClickAsync("form.inline-form button");
            await page.WaitForURLAsync("**/account/signout");
            await page.GotoAsync("/");

            new Uri(page.Url).AbsolutePath.ShouldBe("/account/signin");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task LanguageSwitch_ShowsEnglish_AndIsRemembered()
    {
        var page = await fixture.NewPageAsync(Policies.AnalystRole);
        try
        {
            await page.ClickAsync("a[hreflang=en]");
            await page.WaitForURLAsync("**/?culture=en");
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en-GB");
            (await page.Locator("h1").TextContentAsync()).ShouldBe("Overview");

            await page.GotoAsync("/");

            (await page.Locator("h1").TextContentAsync()).ShouldBe("Overview");
            (await page.Locator("a.skip-link").TextContentAsync()).ShouldBe("Skip to content");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
