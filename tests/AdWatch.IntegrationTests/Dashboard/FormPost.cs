using System.Net;
using System.Text.RegularExpressions;

namespace AdWatch.IntegrationTests.Dashboard;

/// <summary>Form posts as a browser makes them: GET the page, take its antiforgery token, POST the fields with it.</summary>
internal static partial class FormPost
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields,
        string? postUrl = null)
    {
        var page = await client.GetStringAsync(pageUrl, Ct);
        var token = Token(page) ?? throw new InvalidOperationException($"No antiforgery token on {pageUrl}:\n{page}");
        return await client.PostAsync(postUrl ?? pageUrl, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]), Ct);
    }

    /// <summary>Signs <paramref name="client"/> in; returns the response to the sign-in POST.</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password) =>
        SubmitAsync(client, "/account/signin", [new("Name", name), new("Password", password)]);

    /// <summary>As <see cref="SignInAsync(HttpClient,string,string)"/>, with <paramref name="headers"/> on the POST only.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password,
        IReadOnlyDictionary<string, string> headers)
    {
        var page = await client.GetStringAsync("/account/signin", Ct);
        var token = Token(page) ?? throw new InvalidOperationException($"No antiforgery token on /account/signin:\n{page}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/signin")
        {
            Content = new FormUrlEncodedContent([new("Name", name), new("Password", password), new("__RequestVerificationToken", token)]),
        };
        foreach (var (header, value) in headers)
        {
            request.Headers.Add(header, value);
        }
        return await client.SendAsync(request, Ct);
    }

    public static async Task<HttpClient> SignedInClientAsync(this DashboardFixture fixture, string role)
    {
        var client = fixture.NewClient();
        var (name, password) = DashboardFixture.Accounts[role];
        var response = await SignInAsync(client, name, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }

    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
