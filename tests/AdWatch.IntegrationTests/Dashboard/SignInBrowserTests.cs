using AdWatch.Web.Dashboard.Security;
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
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("nl");
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
            (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
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
