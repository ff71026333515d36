using System.Net;
using AdWatch.Accounts;
using AdWatch.Privacy;
using AdWatch.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>The admin pages: audit log filters and paging, account management (audited), accessibility.</summary>
[Collection(DashboardCollection.Name)]
public sealed class AdminPagesTests(DashboardFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Category", "Browser")]
    public async Task AuditLog_ListsSignIns_FiltersByActorAndAction_AndIsAccessible()
    {
        using (var client = fixture.NewClient())
        {
            await FormPost.SignInAsync(client, "ana", "definitely-wrong-password");
        }
        var page = await fixture.NewPageAsync(Policies.AdminRole);
        try
        {
            await page.GotoAsync("/admin/audit");
            (await page.Locator("table.audit tbody tr").CountAsync()).ShouldBeGreaterThan(0);
            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, "audit-log");

            await page.FillAsync("#actor", "ana");
            await page.SelectOptionAsync("#action", "sign_in_failed");
            await page.ClickAsync("form.filters button[type=submit]");
            await page.WaitForURLAsync("**/admin/audit?**action=sign_in_failed**");

            var rows = await page.Locator("table.audit tbody tr").AllAsync();
            rows.Count.ShouldBeGreaterThan(0);
            foreach (var row in rows)
            {
                (await row.Locator("td").Nth(1).TextContentAsync()).ShouldBe("ana");
                (await row.Locator("td").Nth(2).TextContentAsync()).ShouldBe("aanmelding mislukt sign_in_failed"); // Dutch name, the code as detail
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task AuditLog_Pages_AndAuditsItsOwnViewing()
    {
        var audit = fixture.Services.GetRequiredService<AuditLog>();
        for (var i = 0; i < 60; i++)
        {
            await audit.WriteAsync("pager-test", "view", "location", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Ct);
        }
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var first = await client.GetStringAsync("/admin/audit?actor=pager-test", Ct);
        var second = await client.GetStringAsync("/admin/audit?actor=pager-test&p=2", Ct);

        first.ShouldContain("60 regels");
        CountRows(first).ShouldBe(50);
        CountRows(second).ShouldBe(10);
        first.ShouldContain("rel=\"next\"");
        second.ShouldContain("rel=\"prev\"");
        var log = await audit.ListAsync(null, 100_000, Ct);
        log.ShouldContain(e => e.Actor == "adam" && e.Action == "view" && e.TargetKind == "audit_log");
    }

    [Theory]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=2026-13-45")]
    public async Task AuditLog_FiltersOnTheFirstAndLastDayOfTheCalendar(string query)
    {
        var actor = "calendar-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Services.GetRequiredService<AuditLog>().WriteAsync(actor, "view", "location", "1", null, Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var response = await client.GetAsync($"/admin/audit?actor={actor}&{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        CountRows(await response.Content.ReadAsStringAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task AuditLog_EncodesHostileText()
    {
        await fixture.Services.GetRequiredService<AuditLog>()
            .WriteAsync("xss-test", "view", "location", "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", Ct);
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var html = await client.GetStringAsync("/admin/audit?actor=xss-test", Ct);

        html.ShouldNotContain("<script>alert(1)");
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    [Trait("Category", "Browser")]
    public async Task Users_AddsDisablesAndResets_AndIsAccessible()
    {
        var page = await fixture.NewPageAsync(Policies.AdminRole);
        try
        {
            await page.GotoAsync("/admin/users");
            await DashboardFixture.AssertAccessibleAsync(page);
            await DashboardFixture.ScreenshotAsync(page, "users");

            await page.FillAsync("#add-name", "nina");
            await page.SelectOptionAsync("#add-role", Policies.CoordinatorRole);
            await page.FillAsync("#add-password", "groene kikker springt over de sloot");
            await page.FillAsync("#add-repeat", "groene kikker springt over de sloot");
            await page.ClickAsync("form[action*='handler=Add'] button[type=submit]");
            (await page.Locator("#users-message").TextContentAsync()).ShouldBe("Account nina toegevoegd.");
            (await page.Locator("tr[data-user=nina] td").Nth(1).TextContentAsync()).ShouldBe("coördinator");

            await page.ClickAsync("tr[data-user=nina] button.danger");
            (await page.Locator("tr[data-user=nina] td.state").TextContentAsync())!.Trim().ShouldBe("uitgeschakeld");
            using (var client = fixture.NewClient())
            {
                (await FormPost.SignInAsync(client, "nina", "groene kikker springt over de sloot")).StatusCode.ShouldBe(HttpStatusCode.OK, "disabled");
            }

            await page.ClickAsync("tr[data-user=nina] button[formaction*='handler=Enable']");
            await page.SelectOptionAsync("#reset-name", "nina");
            await page.FillAsync("#reset-password", "zeven zwanen zwemmen in de gracht");
            await page.FillAsync("#reset-repeat", "zeven zwanen zwemmen in de gracht");
            await page.ClickAsync("form[action*='handler=Reset'] button[type=submit]");
            (await page.Locator("#users-message").TextContentAsync()).ShouldBe("Wachtwoord van nina opnieuw ingesteld.");
            using (var client = fixture.NewClient())
            {
                (await FormPost.SignInAsync(client, "nina", "zeven zwanen zwemmen in de gracht")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            }

            var log = await fixture.Services.GetRequiredService<AuditLog>().ListAsync(null, 100_000, Ct);
            log.ShouldContain(e => e.Actor == "adam" && e.TargetId == "nina" && e.Detail == "added with role coordinator");
            log.ShouldContain(e => e.Actor == "adam" && e.TargetId == "nina" && e.Detail == "disabled");
            log.ShouldContain(e => e.Actor == "adam" && e.TargetId == "nina" && e.Detail == "password reset");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Users_RefusesAShortPassword_AndTheAdminsOwnDisable()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var shortPassword = await FormPost.SubmitAsync(client, "/admin/users",
            [new("Name", "kort"), new("Role", "analyst"), new("Password", "te-kort"), new("Repeat", "te-kort")], "/admin/users?handler=Add");
        var self = await FormPost.SubmitAsync(client, "/admin/users", [new("name", "adam")], "/admin/users?handler=Disable");

        (await shortPassword.Content.ReadAsStringAsync(Ct)).ShouldContain("Het wachtwoord moet minstens 12 tekens hebben.");
        (await self.Content.ReadAsStringAsync(Ct)).ShouldContain("U kunt uw eigen account niet uitschakelen.");
        var users = fixture.Services.GetRequiredService<UserStore>();
        (await users.FindAsync("kort", Ct)).ShouldBeNull();
        (await users.FindAsync("adam", Ct))!.Disabled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", "Het wachtwoord herhaalt één teken")]
    [InlineData("            ", "Het wachtwoord")]
    [InlineData("Welkom123456", "Dit wachtwoord is te makkelijk te raden")]
    [InlineData("password1234", "Dit wachtwoord is te makkelijk te raden")]
    [InlineData("zwakjan-kookt-soep", "Het wachtwoord bevat de gebruikersnaam.")]
    public async Task Users_RefusesAWeakPassword_WhenAddingAnAccount(string password, string message)
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);

        var response = await FormPost.SubmitAsync(client, "/admin/users",
            [new("Name", "zwakjan"), new("Role", "analyst"), new("Password", password), new("Repeat", password)], "/admin/users?handler=Add");

        System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)).ShouldContain(message);
        (await fixture.Services.GetRequiredService<UserStore>().FindAsync("zwakjan", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Users_RefusesAWeakPassword_InEnglish_AndAcceptsAStrongPassphrase()
    {
        using var client = await fixture.SignedInClientAsync(Policies.AdminRole);
        (await client.GetAsync("/admin/users?culture=en", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var weak = await FormPost.SubmitAsync(client, "/admin/users",
            [new("Name", "sterkeres"), new("Role", "analyst"), new("Password", "password1234"), new("Repeat", "password1234")], "/admin/users?handler=Add");
        var strong = await FormPost.SubmitAsync(client, "/admin/users",
            [new("Name", "sterkeres"), new("Role", "analyst"), new("Password", "paarse giraffe fietst naar Zwolle"),
                new("Repeat", "paarse giraffe fietst naar Zwolle")], "/admin/users?handler=Add");

        (await weak.Content.ReadAsStringAsync(Ct)).ShouldContain("This password is too easy to guess");
        System.Net.WebUtility.HtmlDecode(await strong.Content.ReadAsStringAsync(Ct)).ShouldContain("Account sterkeres added.");
        (await fixture.Services.GetRequiredService<UserStore>().FindAsync("sterkeres", Ct)).ShouldNotBeNull();
    }

    private static int CountRows(string html)
    {
        var body = html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)];
        return body.Split("<tr>").Length - 1;
    }
}
