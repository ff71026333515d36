namespace AdWatch.DemoSites.Faults;

/// <summary>The "are you a robot" page the CAPTCHA fault serves with status 200 (markers documented in README).</summary>
internal static class DemoCaptchaPage
{
    public const string Html = """
        <!doctype html>
        <html lang="nl">
        <head><meta charset="utf-8"><title>Even controleren…</title></head>
        <body>
        <div id="captcha" class="captcha-challenge">
          <h1>Controleer dat je geen robot bent</h1>
          <p>We hebben ongebruikelijk verkeer gezien vanaf je netwerk. Bevestig dat je een mens bent om verder te gaan.</p>
          <form method="post" action="/captcha/verify">
            <div class="captcha-box" data-sitekey="demo-not-a-real-key"></div>
            <button type="submit">Ik ben geen robot</button>
          </form>
        </div>
        </body>
        </html>
        """;
}
