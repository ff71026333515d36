using AdWatch.IntegrationTests.Storage;

namespace AdWatch.IntegrationTests.Phones;

public sealed class SqlitePhoneLookupTests : PhoneLookupSuite
{
    protected override Task<TestDatabase> CreateAsync() => Task.FromResult(TestDatabase.Sqlite());
}
