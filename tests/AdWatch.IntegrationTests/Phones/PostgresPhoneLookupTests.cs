using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Phones;

public sealed class PostgresPhoneLookupTests : PhoneLookupSuite
{
    protected override Task<TestDatabase> CreateAsync() => TestDatabase.PostgresAsync();
}
