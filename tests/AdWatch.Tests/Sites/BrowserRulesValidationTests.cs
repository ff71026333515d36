using AdWatch.Sites;

namespace AdWatch.Tests.Sites;

/// <summary>
/// The new site-definition features (consent, capture, actions, loadMore, extras, json listing, field selector syntax):
/// a valid definition loads them all, and each mistake gives exactly one error naming file, line and field.
/// </summary>
public sealed class BrowserRulesValidationTests
{
    private const string File = "crawlers/lantaarn.yaml";

    private const string Valid = """
        name: demo
        baseUrl: https://ads.example.org/
        fetch:
          mode: browser
          consent:
            - { text: "ik ben 18", appearMs: 1500 }
          capture:
            - { name: reveal, urlPattern: "/api/ads/[^/]+/reveal" }
        listing:
          startUrls: [/list]
          adLinkSelector: a.ad
          loadMore:
            click: { text: "meer laden" }
            maxRounds: 5
            stopWhen: { selector: ".list-end" }
        ad:
          idFromUrl: "/ad/(\\d+)"
          fields:
            phone: "capture:reveal:$.phone"
          extras:
            age: "label:Leeftijd"
          actions:
            - click: { text: "toon nummer" }
              optional: true
            - waitFor: { selector: ".phone", timeoutMs: 5000 }
        """;

    [Fact]
    public void LoadText_ReadsEveryNewField()
    {
        var site = SiteDefinitionLoader.LoadText(Valid, File);

        site.Fetch.Consent.Single().ShouldSatisfyAllConditions(c => c.Text.ShouldBe("ik ben 18"), c => c.AppearMs.ShouldBe(1500));
        site.Fetch.Capture.Single().ShouldSatisfyAllConditions(c => c.Name.ShouldBe("reveal"), c => c.UrlPattern.ShouldBe("/api/ads/[^/]+/reveal"));
        site.Listing.LoadMore!.ShouldSatisfyAllConditions(
            m => m.Click!.Text.ShouldBe("meer laden"), m => m.MaxRounds.ShouldBe(5), m => m.StopWhen!.Selector.ShouldBe(".list-end"));
        site.Ad.Extras.ShouldBe(new Dictionary<string, string> { ["age"] = "label:Leeftijd" });
        site.Ad.Actions.Count.ShouldBe(2);
        site.Ad.Actions[0].ShouldSatisfyAllConditions(a => a.Click!.Text.ShouldBe("toon nummer"), a => a.Optional.ShouldBeTrue());
        site.Ad.Actions[1].WaitFor!.ShouldSatisfyAllConditions(w => w.Selector.ShouldBe(".phone"), w => w.TimeoutMs.ShouldBe(5000));
        site.Ad.Actions[1].Optional.ShouldBeFalse();
    }

    [Theory]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", urlTemplate: \"/ad/{id}\", id: \"$.id\", next: \"$.next\" }")]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", url: \"$.url\" }")]
    [InlineData("- waitFor: { selector: \".phone\", timeoutMs: 5000 }", "- waitFor: { networkIdle: true }")]
    [InlineData("- waitFor: { selector: \".phone\", timeoutMs: 5000 }", "- fill: { selector: \"input#q\", value: x }\n    - scroll: { times: 3 }")]
    [InlineData("click: { text: \"meer laden\" }", "scroll: true")]
    [InlineData("age: \"label:Leeftijd\"", "age: 'script ~ \"age\"\\s*:\\s*(\\d+)'\n    data: 'json#ad-data:$.ad.id | label:Plaats,Stad'")]
    public void LoadText_Accepts_ValidVariants(string replace, string with)
    {
        var yaml = Valid.Replace(replace, with, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid);

        Should.NotThrow(() => SiteDefinitionLoader.LoadText(yaml, File));
    }

    [Theory]
    // fetch.consent
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ text: \"ik ben (18\" }", "fetch.consent[0].text", 6)]
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ text: \"ik ben 18\", selector: button }", "fetch.consent[0]", 6)]
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ appearMs: 1500 }", "fetch.consent[0]", 6)]
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ text: \"ik ben 18\", appearMs: 99999 }", "fetch.consent[0].appearMs", 6)]
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ selector: 'a[[' }", "fetch.consent[0].selector", 6)]
    [InlineData("{ text: \"ik ben 18\", appearMs: 1500 }", "{ txt: \"ik ben 18\" }", "txt", 6)]
    // fetch.capture
    [InlineData("urlPattern: \"/api/ads/[^/]+/reveal\" }", "urlPattern: \"/api/(ads\" }", "fetch.capture[0].urlPattern", 8)]
    [InlineData("urlPattern: \"/api/ads/[^/]+/reveal\" }", "urlPattern: \"\" }", "fetch.capture[0].urlPattern", 8)]
    [InlineData("urlPattern: \"/api/ads/[^/]+/reveal\" }", "urlPattern: \"/r\" }\n    - { name: reveal, urlPattern: \"/s\" }", "fetch.capture[1].name", 9)]
    [InlineData("phone: \"capture:reveal:$.phone\"", "phone: \"capture:other:$.phone\"", "ad.fields.phone", 19)]
    [InlineData("phone: \"capture:reveal:$.phone\"", "phone: \"capture:reveal:phone\"", "ad.fields.phone", 19)]
    [InlineData("phone: \"capture:reveal:$.phone\"", "phone: \"capture:re veal\"", "ad.fields.phone", 19)]
    // fetch.mode http with browser-only rules
    [InlineData("mode: browser", "mode: http", "fetch.consent", 5)]
    // listing.loadMore
    [InlineData("maxRounds: 5", "maxRounds: 0", "listing.loadMore.maxRounds", 14)]
    [InlineData("maxRounds: 5", "maxRounds: 5\n    scroll: true", "listing.loadMore", 12)]
    [InlineData("click: { text: \"meer laden\" }", "click: { text: \"meer (laden\" }", "listing.loadMore.click.text", 13)]
    [InlineData("stopWhen: { selector: \".list-end\" }", "stopWhen: { selector: \".list-end[\" }", "listing.loadMore.stopWhen.selector", 15)]
    [InlineData("stopWhen: { selector: \".list-end\" }", "stopWhen: { selector: \".list-end\", timeoutMs: 0 }", "listing.loadMore.stopWhen.timeoutMs", 15)]
    [InlineData("maxRounds: 5", "maxRounds: lots", "maxRounds", 14)]
    // ad.extras
    [InlineData("age: \"label:Leeftijd\"", "1age: \"label:Leeftijd\"", "ad.extras.1age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"label:\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"json:$.ad[\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"json#ad data:$.age\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"json:ad.age\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \".age ~ (\"", "ad.extras.age", 21)]
    [InlineData("age: \"label:Leeftijd\"", "age: \"capture:nope\"", "ad.extras.age", 21)]
    // ad.actions
    [InlineData("- click: { text: \"toon nummer\" }", "- click: { text: \"toon nummer\" }\n      waitFor: { networkIdle: true }", "ad.actions[0]", 23)]
    [InlineData("- click: { text: \"toon nummer\" }", "- click: { timeoutMs: 100 }", "ad.actions[0].click", 23)]
    [InlineData("- click: { text: \"toon nummer\" }", "- hover: { text: \"toon nummer\" }", "hover", 23)]
    [InlineData("{ selector: \".phone\", timeoutMs: 5000 }", "{ selector: \".phone\", timeoutMs: 0 }", "ad.actions[1].waitFor.timeoutMs", 25)]
    [InlineData("{ selector: \".phone\", timeoutMs: 5000 }", "{ selector: \".phone\", networkIdle: true }", "ad.actions[1].waitFor", 25)]
    [InlineData("{ selector: \".phone\", timeoutMs: 5000 }", "{ text: \"nummer (\" }", "ad.actions[1].waitFor.text", 25)]
    [InlineData("- waitFor: { selector: \".phone\", timeoutMs: 5000 }", "- fill: { value: x }", "ad.actions[1].fill.selector", 25)]
    [InlineData("- waitFor: { selector: \".phone\", timeoutMs: 5000 }", "- scroll: { times: 0 }", "ad.actions[1].scroll.times", 25)]
    // listing.json
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\" }", "listing.json", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[\", url: \"$.url\" }", "listing.json.items", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"\", url: \"$.url\" }", "listing.json.items", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", urlTemplate: \"/ad/\", id: \"$.id\" }", "listing.json.urlTemplate", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", urlTemplate: \"/ad/{id}\" }", "listing.json.urlTemplate", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", url: \"$.url\", next: \"next\" }", "listing.json.next", 11)]
    [InlineData("adLinkSelector: a.ad", "json: { items: \"$.ads[*]\", url: \"$.url\", capture: nope }", "listing.json.capture", 11)]
    public void LoadText_FailsWithOneErrorNamingFileLineAndField(string replace, string with, string field, int line)
    {
        var yaml = Valid.Replace(replace, with, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid);

        var ex = Should.Throw<SiteDefinitionException>(() => SiteDefinitionLoader.LoadText(yaml, File));

        ex.Errors.Count.ShouldBe(1, ex.Message);
        ex.Message.ShouldStartWith($"{File}:{line}: {field}: ");
    }
}
