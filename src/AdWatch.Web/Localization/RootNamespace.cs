// The assembly is named `adwatch` but its namespaces start with AdWatch.Web: tell the resource lookup, or no .resx is found.
[assembly: Microsoft.Extensions.Localization.RootNamespace("AdWatch.Web")]
