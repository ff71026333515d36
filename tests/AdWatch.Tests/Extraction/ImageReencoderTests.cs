using System.Text;
using AdWatch.Extraction;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.Metadata.Profiles.Xmp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdWatch.Tests.Extraction;

public sealed class ImageReencoderTests
{
    [Fact]
    public void Reencode_DropsExifWithGpsAndXmp()
    {
        var original = ImageSamples.JpegWithGps(320, 240);
        using (var check = Image.Load(original)) // the sample really carries what must go
        {
            check.Metadata.ExifProfile.ShouldNotBeNull().GetValue(ExifTag.GPSLatitude).ShouldNotBeNull();
            check.Metadata.XmpProfile.ShouldNotBeNull();
        }

        var copy = Reencoder().Reencode(original);

        copy.Problem.ShouldBeNull();
        copy.ContentType.ShouldBe("image/jpeg");
        using var stored = Image.Load(copy.Bytes);
        stored.Metadata.ExifProfile.ShouldBeNull();
        stored.Metadata.XmpProfile.ShouldBeNull();
        stored.Metadata.IccProfile.ShouldBeNull();
        stored.Metadata.IptcProfile.ShouldBeNull();
        Encoding.Latin1.GetString(copy.Bytes).ShouldNotContain(ImageSamples.Camera);
        (stored.Width, stored.Height).ShouldBe((320, 240));
        (copy.Width, copy.Height).ShouldBe((320, 240));
    }

    [Fact]
    public void Reencode_IsDeterministic_AndNamesTheBytesBySha256()
    {
        var original = ImageSamples.JpegWithGps(200, 100);

        var a = Reencoder().Reencode(original);
        var b = Reencoder().Reencode(original);

        a.Bytes.ShouldBe(b.Bytes);
        a.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a.Bytes)));
    }

    [Fact]
    public void Reencode_TurnsThePhotoUpright_BeforeItsOrientationTagIsDropped()
    {
        var copy = Reencoder().Reencode(ImageSamples.JpegWithGps(60, 20, orientation: 6)); // 6: rotate 90° clockwise to view

        (copy.Width, copy.Height).ShouldBe((20, 60));
    }

    [Fact]
    public void Reencode_ShrinksToTheLongestSideAllowed()
    {
        var copy = Reencoder(o => o.MaxStoredImageSide = 100).Reencode(ImageSamples.JpegWithGps(400, 200));

        (copy.Width, copy.Height).ShouldBe((100, 50));
    }

    [Fact]
    public void Reencode_KeepsNothing_WhenTheCopyIsLargerThanTheCap()
    {
        var copy = Reencoder(o => o.MaxStoredImageBytes = 16_384).Reencode(ImageSamples.Noise(600, 600));

        copy.IsStored.ShouldBeFalse();
        copy.Problem.ShouldNotBeNull().ShouldContain("Extraction:MaxStoredImageBytes");
        copy.Bytes.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(5000)]
    public void Reencode_GivesAProblem_NotAnException_ForGarbage(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);

        Reencoder().Reencode(bytes).Problem.ShouldNotBeNull();
    }

    [Fact]
    public void Reencode_RefusesAnImageDeclaringTooManyPixels()
    {
        Reencoder(o => o.MaxImagePixels = 10_000).Reencode(ImageSamples.JpegWithGps(200, 100)).Problem
            .ShouldNotBeNull().ShouldContain("Extraction:MaxImagePixels");
    }

    private static ImageReencoder Reencoder(Action<ExtractionOptions>? change = null)
    {
        var options = new ExtractionOptions();
        change?.Invoke(options);
        return new ImageReencoder(Options.Create(options));
    }
}

/// <summary>Synthetic photos: a gradient JPEG carrying EXIF (GPS position, camera serial, orientation) and XMP, or noise.</summary>
internal static class ImageSamples
{
    public const string Camera = "SyntheticCam 9000 serial 4711";

    public static byte[] JpegWithGps(int width, int height, ushort orientation = 1)
    {
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)(x * 255 / width), (byte)(y * 255 / height), (byte)((x + y) % 256));
            }
        }
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(52, 1), new Rational(20, 1), new Rational(3, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(5, 1), new Rational(37, 1), new Rational(1, 1)]);
        exif.SetValue(ExifTag.Model, Camera);
        exif.SetValue(ExifTag.Orientation, orientation);
        image.Metadata.ExifProfile = exif;
        image.Metadata.XmpProfile = new XmpProfile(Encoding.UTF8.GetBytes(
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"/></x:xmpmeta>"));
        using var output = new MemoryStream();
        image.SaveAsJpeg(output);
        return output.ToArray();
    }

    public static byte[] Noise(int width, int height)
    {
        var random = new Random(7);
        using var image = new Image<Rgb24>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = new Rgb24((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }
        using var output = new MemoryStream();
        image.SaveAsPng(output);
        return output.ToArray();
    }
}
