using AdWatch.Browser;

namespace AdWatch.Tests.Browser;

public sealed class ChromiumSandboxTests
{
    [Fact]
    public void LaunchArguments_KeepTheSandbox_ForAnOrdinaryUser()
    {
        var (args, warning) = ChromiumPool.LaunchArguments(isRoot: false, sandboxOption: true);
        args.ShouldNotContain("--no-sandbox");
        args.ShouldContain("--disable-dev-shm-usage");
        warning.ShouldBeNull();
    }

    [Fact]
    public void LaunchArguments_DropTheSandboxAsRoot_AndSayWhy()
    {
        var (args, warning) = ChromiumPool.LaunchArguments(isRoot: true, sandboxOption: true);
        args.ShouldContain("--no-sandbox");
        warning.ShouldNotBeNull().ShouldContain("root");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LaunchArguments_DropTheSandbox_WhenTheSettingSaysSo(bool isRoot)
    {
        var (args, warning) = ChromiumPool.LaunchArguments(isRoot, sandboxOption: false);
        args.ShouldContain("--no-sandbox");
        warning.ShouldNotBeNull().ShouldContain("Browser:Sandbox");
    }

    [Fact]
    public void SandboxSetting_DefaultsToOn() => new BrowserOptions().Sandbox.ShouldBeTrue();
}
