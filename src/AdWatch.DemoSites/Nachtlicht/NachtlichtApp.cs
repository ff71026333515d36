using AdWatch.DemoSites.Hosting;
using Microsoft.AspNetCore.Http;

namespace AdWatch.DemoSites.Nachtlicht;

internal sealed class NachtlichtApp(DemoSiteContext context) : DemoSiteApp(context)
{
    public override DemoRequestKind Classify(string path) => DemoRequestKind.Other;

    public override Task HandleAsync(HttpContext http) => Task.CompletedTask;
}
