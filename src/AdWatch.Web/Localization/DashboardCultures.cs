using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AdWatch.Web.Localization;

/// <summary>
/// Dutch by default, English on request. Views write the Dutch text; English lives in per-view
/// <c>Resources/Pages/&lt;Folder&gt;/&lt;Page&gt;.en.resx</c>. A <c>?culture=en</c> or <c>?culture=nl</c> link switches and is
/// remembered in a cookie.
/// </summary>
internal static class DashboardCultures
{
    public const string Default = "nl-NL";
    private static readonly string[] Supported = [Default, "nl", "en"];

    public static void AddDashboardLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.SetDefaultCulture(Default).AddSupportedCultures(Supported).AddSupportedUICultures(Supported);
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
            ];
        });
    }

    /// <summary>Request localisation, then: a culture chosen by query string is remembered for the next requests.</summary>
    public static void UseDashboardLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.Use((context, next) =>
        {
            if (context.Request.Query.ContainsKey("culture")
                && context.Features.Get<IRequestCultureFeature>()?.Provider is QueryStringRequestCultureProvider)
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture)),
                    new CookieOptions
                    {
                        HttpOnly = true,
                        SameSite = SameSiteMode.Strict,
                        Secure = context.Request.IsHttps,
                        MaxAge = TimeSpan.FromDays(365),
                        IsEssential = true,
                    });
            }
            return next(context);
        });
    }

    /// <summary>The two-letter language of the current UI culture, for <c>&lt;html lang&gt;</c>.</summary>
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>
    /// The page's <c>&lt;html lang&gt;</c>: <c>nl-NL</c>, or <c>en-GB</c> for English, whose dates (day before month) cannot
    /// be read the American way; the dashboard's own dates are written out ("4 May 2023") or ISO (2023-05-04) anyway.
    /// </summary>
    public static string HtmlLang => Language == "en" ? "en-GB" : "nl-NL";

    /// <summary>True when the UI is in English.</summary>
    public static bool IsEnglish => Language == "en";
}
