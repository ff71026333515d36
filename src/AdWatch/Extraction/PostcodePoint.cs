namespace AdWatch.Extraction;

/// <summary>A PC6 (<c>3841AB</c>) or PC4 (<c>3841</c>) centroid with its place and municipality.</summary>
internal sealed record PostcodePoint(string Postcode, string Place, string? MunicipalityCode, double Lat, double Lon);
