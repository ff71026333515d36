namespace AdWatch.Analysis;

/// <summary>A phone number with the analyst's verdict: <c>ok</c>, <c>generic</c> (a site's service number) or <c>bad</c> (a misread).</summary>
public sealed record InputPhone(long Id, string E164, string Status)
{
    /// <summary>Only <c>ok</c> numbers link ads; generic and bad ones are ignored entirely.</summary>
    public bool Usable => Status == "ok";
}
