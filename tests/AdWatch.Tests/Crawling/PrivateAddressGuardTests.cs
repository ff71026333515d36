using System.Net;
using AdWatch.Crawling;

namespace AdWatch.Tests.Crawling;

public sealed class PrivateAddressGuardTests
{
    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("223.255.255.254")]
    [InlineData("2a00:1450::1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void IsPrivate_AllowsPublicAddresses(string address) =>
        PrivateAddressGuard.IsPrivate(IPAddress.Parse(address)).ShouldBeFalse();

    [Theory]
    [InlineData("0.0.0.0")] // RFC 791 "this network"
    [InlineData("0.1.2.3")]
    [InlineData("10.0.0.1")] // RFC 1918
    [InlineData("10.255.255.255")]
    [InlineData("100.64.0.1")] // RFC 6598
    [InlineData("100.127.255.255")]
    [InlineData("127.0.0.1")] // RFC 1122
    [InlineData("127.255.0.1")]
    [InlineData("169.254.169.254")] // RFC 3927
    [InlineData("172.16.0.1")] // RFC 1918
    [InlineData("172.31.255.255")]
    [InlineData("192.0.0.8")] // RFC 6890
    [InlineData("192.0.2.1")] // RFC 5737
    [InlineData("192.88.99.1")] // RFC 7526
    [InlineData("192.168.1.1")] // RFC 1918
    [InlineData("198.18.0.1")] // RFC 2544
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")] // RFC 5737
    [InlineData("203.0.113.9")] // RFC 5737
    [InlineData("224.0.0.1")] // RFC 5771
    [InlineData("239.1.1.1")]
    [InlineData("240.0.0.1")] // RFC 1112
    [InlineData("255.255.255.254")]
    [InlineData("255.255.255.255")] // RFC 919
    [InlineData("::")] // RFC 4291
    [InlineData("::1")]
    [InlineData("::ffff:10.0.0.1")] // IPv4-mapped
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::10.0.0.1")] // IPv4-compatible (deprecated)
    [InlineData("::127.0.0.1")]
    [InlineData("::8.8.8.8")]
    [InlineData("64:ff9b::7f00:1")] // RFC 6052 NAT64, embeds 127.0.0.1
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::c0a8:101")]
    [InlineData("64:ff9b:1::1")] // RFC 8215
    [InlineData("100::1")] // RFC 6666
    [InlineData("2001::1")] // RFC 2928 / 4380 (Teredo)
    [InlineData("2001:1ff::1")]
    [InlineData("2001:db8::1")] // RFC 3849
    [InlineData("2002:7f00:1::1")] // RFC 3056 6to4, embeds 127.0.0.1
    [InlineData("2002:c0a8:101::1")]
    [InlineData("2002:808:808::1")]
    [InlineData("fc00::1")] // RFC 4193
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")] // RFC 4291 link-local
    [InlineData("febf::1")]
    [InlineData("fec0::1")] // RFC 3879 site-local
    [InlineData("ff02::1")] // RFC 4291 multicast
    [InlineData("ff0e::1")]
    public void IsPrivate_RefusesSpecialPurposeAddresses(string address) =>
        PrivateAddressGuard.IsPrivate(IPAddress.Parse(address)).ShouldBeTrue();
}
