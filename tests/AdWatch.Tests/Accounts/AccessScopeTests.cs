using AdWatch.Accounts;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace AdWatch.Tests.Accounts;

/// <summary>
/// <see cref="AccessScope"/> and <see cref="Organisations"/>: which municipality codes an organisation sees, the SQL
/// condition that filters on them (run on SQLite against a few places), and the organisations file's errors.
/// </summary>
public sealed class AccessScopeTests
{
    private const string Shipped = """
        organisations:
          - key: harderwijk
            name: Gemeente Harderwijk
            kind: municipality
            municipalities: [GM0243]
          - key: ermelo
            name: Gemeente Ermelo
            kind: municipality
            municipalities: [GM0233]
          - key: politie
            name: Politie
            kind: police
          - key: regio
            name: Regisseur ondermijning
            kind: regional
            municipalities: [GM0243, GM0233, GM0273]
        """;

    private static IReadOnlyList<Organisation> Parse(string yaml) => Organisations.Parse(new StringReader(yaml), "organisations.yaml");

    [Fact]
    public void Municipality_SeesOnlyItsOwnCode()
    {
        var ermelo = Parse(Shipped).Single(o => o.Key == "ermelo").Scope;

        ermelo.IsRegionWide.ShouldBeFalse();
        ermelo.Allows("GM0233").ShouldBeTrue();
        ermelo.Allows("gm0233").ShouldBeTrue();
        ermelo.Allows("GM0243").ShouldBeFalse();
        ermelo.Allows(null).ShouldBeFalse();
        ermelo.Describe().ShouldBe("organisation ermelo (GM0233)");
    }

    [Fact]
    public void Police_SeesTheWholeRegion_AndTheRegionalCoordinatorItsThreeMunicipalities()
    {
        var all = Parse(Shipped);
        var police = all.Single(o => o.Key == "politie").Scope;
        var regio = all.Single(o => o.Key == "regio").Scope;

        police.IsRegionWide.ShouldBeTrue();
        police.Allows(null).ShouldBeTrue();
        police.Allows("GM0999").ShouldBeTrue();
        regio.MunicipalityCodes.ShouldBe(["GM0233", "GM0243", "GM0273"]);
        regio.Allows("GM0273").ShouldBeTrue();
        regio.Allows("GM0200").ShouldBeFalse();
    }

    [Fact]
    public void NoOrUnknownOrganisation_SeesNothing()
    {
        var dir = Directory.CreateTempSubdirectory("adwatch-orgs-");
        try
        {
            var file = Path.Combine(dir.FullName, "organisations.yaml");
            File.WriteAllText(file, Shipped);
            var organisations = new Organisations(Options.Create(new AccountsOptions { OrganisationsFile = file }));

            organisations.ScopeOf(null).ShouldBeSameAs(AccessScope.Nothing);
            organisations.ScopeOf("utrecht").ShouldBeSameAs(AccessScope.Nothing);
            organisations.ScopeOf("harderwijk").Allows("GM0243").ShouldBeTrue();
            AccessScope.Nothing.Allows("GM0243").ShouldBeFalse();
            AccessScope.Nothing.Allows(null).ShouldBeFalse();
            new Organisations(Options.Create(new AccountsOptions { OrganisationsFile = Path.Combine(dir.FullName, "missing.yaml") }))
                .ScopeOf("harderwijk").ShouldBeSameAs(AccessScope.Nothing);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheShippedFile_DeclaresTheThreeMunicipalitiesThePoliceAndTheRegionalCoordinator()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "config", "organisations.yaml");
        var path = File.Exists(file) ? file : Path.Combine(FindRepoRoot(), "config", "organisations.yaml");

        var all = Organisations.Load(path);

        all.Where(o => o.Kind == OrganisationKind.Municipality).SelectMany(o => o.MunicipalityCodes).Order()
            .ShouldBe(["GM0233", "GM0243", "GM0273"]);
        all.Single(o => o.Kind == OrganisationKind.Police).Scope.IsRegionWide.ShouldBeTrue();
        all.Single(o => o.Kind == OrganisationKind.Regional).Scope.MunicipalityCodes.Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("GM0243", new[] { 1L })]
    [InlineData("GM0233", new[] { 2L })]
    [InlineData("", new long[0])]
    [InlineData("*", new[] { 1L, 2L, 3L })]
    public void Sql_FiltersExactlyTheAllowedPlaces(string codes, long[] expected)
    {
        var scope = codes switch
        {
            "*" => AccessScope.Everything,
            "" => AccessScope.Nothing,
            _ => AccessScope.Within("x", [codes]),
        };
        using var c = new SqliteConnection("Data Source=:memory:");
        c.Open();
        Dapper.SqlMapper.Execute(c, "CREATE TABLE places (id INTEGER, municipality_code TEXT); INSERT INTO places VALUES (1, 'GM0243'), (2, 'GM0233'), (3, NULL);");
        var args = new Dapper.DynamicParameters();
        args.Add(AccessScope.ParameterName, scope.Parameter);

        var ids = Dapper.SqlMapper.Query<long>(c, $"SELECT id FROM places WHERE {scope.Sql(c, "municipality_code")} ORDER BY id", args);

        ids.ShouldBe(expected);
    }

    [Theory]
    [InlineData("organisations:\n  - key: x\n    name: X\n    kind: municipality\n", "organisations.yaml:2: municipalities: organisation 'x' is a municipality")]
    [InlineData("organisations:\n  - key: x\n    name: X\n    kind: county\n", "organisations.yaml:4: kind: 'county' is not one of")]
    [InlineData("organisations:\n  - key: X Y\n    name: X\n    kind: police\n", "organisations.yaml:2: key: 'X Y' is not a usable key")]
    [InlineData("organisations:\n  - key: x\n    name: X\n    kind: police\n    colour: red\n", "organisations.yaml:5: colour: unknown field")]
    [InlineData("organisations:\n  - key: x\n    name: X\n    kind: municipality\n    municipalities: [243]\n", "'243' is not a CBS municipality code")]
    [InlineData("organisations:\n  - key: x\n    name: X\n    kind: police\n  - key: x\n    name: Y\n    kind: police\n", "'x' is used twice")]
    [InlineData("organisations:\n  - key: x\n    kind: police\n", "name: missing")]
    public void InvalidFile_IsRefused_NamingLineAndField(string yaml, string message)
    {
        Should.Throw<OrganisationsConfigException>(() => Parse(yaml)).Message.ShouldContain(message);
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AdWatch.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
