using AdWatch.Extraction;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace AdWatch.Tests.Extraction;

/// <summary>
/// The cheap check before OCR: a picture in which no pixel row crosses enough strokes for a written number is not sent to
/// tesseract. It must never drop a picture that carries a number (every generated phone image passes), and it must let
/// flat pictures go (the coarse mosaics the demo sites use as photos).
/// </summary>
public sealed class ImagePhoneReaderTextCheckTests
{
    [Fact]
    public void MostInkEdgesInARow_PassesEveryGeneratedPhoneImage()
    {
        if (PhoneImages.FontsMissing() is { } hint)
        {
            Assert.Skip(hint);
        }
        foreach (var phone in PhoneImages.Phones(120))
        {
            using var image = Image.Load<L8>(phone.Png);
            ImagePhoneReader.MostInkEdgesInARow(image).ShouldBeGreaterThanOrEqualTo(12, phone.Name);
        }
    }

    [Fact]
    public void MostInkEdgesInARow_StopsFlatPicturesAndBlockMosaics()
    {
        using var flat = new Image<L8>(300, 200, new L8(200));
        ImagePhoneReader.MostInkEdgesInARow(flat).ShouldBe(0);

        using var mosaic = new Image<L8>(320, 240);
        for (var y = 0; y < mosaic.Height; y++)
        {
            for (var x = 0; x < mosaic.Width; x++)
            {
                mosaic[x, y] = new L8((byte)((x / 80 + y / 80) % 2 == 0 ? 40 : 220)); // 4 × 3 blocks
            }
        }
        ImagePhoneReader.MostInkEdgesInARow(mosaic).ShouldBeLessThan(12);
    }
}
