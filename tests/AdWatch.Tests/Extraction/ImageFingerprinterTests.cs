using System.Buffers.Binary;
using AdWatch.Extraction;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace AdWatch.Tests.Extraction;

public sealed class ImageFingerprinterTests
{
    private readonly ImageFingerprinter _fingerprinter = new(Options.Create(new ExtractionOptions()));

    [Fact]
    public void Compute_GivesNearHash_ForReencodedResizedCopy()
    {
        var original = Encode(Draw(640, 480, Scene.Stripes), png: true);
        var copy = Encode(Draw(640, 480, Scene.Stripes, resizeTo: 317), png: false);

        var a = _fingerprinter.Compute(original).ShouldNotBeNull();
        var b = _fingerprinter.Compute(copy).ShouldNotBeNull();

        var threshold = new AdWatch.Analysis.AnalysisOptions().ImageHammingThreshold; // the configured same-photo distance
        PerceptualHash.HammingDistance(a, b).ShouldBeLessThanOrEqualTo(threshold);
        PerceptualHash.IsSamePhoto(a, b, threshold).ShouldBeTrue();
    }

    [Fact]
    public void Compute_GivesFarHash_ForDifferentPhoto()
    {
        var a = _fingerprinter.Compute(Encode(Draw(400, 400, Scene.Stripes), png: true)).ShouldNotBeNull();
        var b = _fingerprinter.Compute(Encode(Draw(400, 400, Scene.Rings), png: true)).ShouldNotBeNull();

        PerceptualHash.HammingDistance(a, b).ShouldBeGreaterThan(20); // unrelated photos are around 32 apart
    }

    [Fact]
    public void Compute_IsDeterministic()
    {
        var data = Encode(Draw(200, 150, Scene.Rings), png: false);

        _fingerprinter.Compute(data).ShouldBe(_fingerprinter.Compute(data));
    }

    [Theory]
    // hostile data: never an exception, null when undecodable
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Compute_ReturnsNull_ForGarbage(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        _fingerprinter.Compute(bytes).ShouldBeNull();
    }

    [Fact]
    public void Compute_DoesNotThrow_ForTruncatedImage()
    {
        var data = Encode(Draw(300, 300, Scene.Rings), png: false);

        Should.NotThrow(() => _fingerprinter.Compute(data[..(data.Length / 3)]));
        _fingerprinter.Compute(data[..20]).ShouldBeNull();
    }

    [Fact]
    public void Compute_ReturnsNull_WhenHeaderDeclaresHugeImage()
    {
        // A valid PNG header claiming 100 000 × 100 000 pixels (40 GB decoded), then nothing.
        _fingerprinter.Compute(PngHeader(100_000, 100_000)).ShouldBeNull();
    }

    [Fact]
    public void Compute_ReturnsNull_WhenAbovePixelCap()
    {
        var small = new ImageFingerprinter(Options.Create(new ExtractionOptions { MaxImagePixels = 10_000 }));

        small.Compute(Encode(Draw(200, 200, Scene.Rings), png: true)).ShouldBeNull();
        small.Compute(Encode(Draw(90, 90, Scene.Rings), png: true)).ShouldNotBeNull();
    }

    [Theory]
    [InlineData(0UL, 0UL, 0)]
    [InlineData(0UL, ulong.MaxValue, 64)]
    [InlineData(0b1011UL, 0b0001UL, 2)]
    public void HammingDistance_CountsDifferingBits(ulong a, ulong b, int distance)
    {
        PerceptualHash.HammingDistance(a, b).ShouldBe(distance);
        PerceptualHash.FromHex(PerceptualHash.ToHex(a)).ShouldBe(a);
    }

    private enum Scene
    {
        Stripes,
        Rings,
    }

    private static Image<Rgba32> Draw(int width, int height, Scene scene, int? resizeTo = null)
    {
        var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                double u = (double)x / width, v = (double)y / height;
                var value = scene == Scene.Stripes
                    ? 0.5 + 0.5 * Math.Sin(u * 9 + v * 3) * Math.Cos(v * 5)
                    : 0.5 + 0.5 * Math.Cos(Math.Sqrt((u - 0.3) * (u - 0.3) + (v - 0.6) * (v - 0.6)) * 25);
                var g = (byte)(value * 255);
                image[x, y] = new Rgba32(g, (byte)(255 - g), (byte)(g / 2 + 60), 255);
            }
        }

        if (resizeTo is { } w)
        {
            image.Mutate(c => c.Resize(w, 0));
        }

        return image;
    }

    private static byte[] Encode(Image<Rgba32> image, bool png)
    {
        using (image)
        {
            using var stream = new MemoryStream();
            if (png)
            {
                image.SaveAsPng(stream);
            }
            else
            {
                image.SaveAsJpeg(stream, new JpegEncoder { Quality = 60 });
            }

            return stream.ToArray();
        }
    }

    internal static byte[] PngHeader(int width, int height)
    {
        var data = new byte[8 + 25];
        new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(8), 13);
        "IHDR"u8.CopyTo(data.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(20), height);
        data[24] = 8; // bit depth
        data[25] = 6; // RGBA
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(29), Crc32(data.AsSpan(12, 17)));
        return data;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
