namespace AdWatch.Web.Dossier;

/// <summary>Settings of the analyst pages, in section <c>Dashboard</c> next to dash-core's <see cref="WebOptions"/>.</summary>
public sealed class DossierPageOptions
{
    /// <summary>
    /// Comma-separated roles that may see ad images (blurred until clicked). Other roles get neither the images nor the
    /// image endpoint. Default: <c>analyst,coordinator,admin</c>.
    /// </summary>
    public string ImageRoles { get; set; } = "analyst,coordinator,admin";

    /// <summary>Largest ad image the image endpoint passes on, in bytes.</summary>
    public int MaxImageBytes { get; set; } = 5 * 1024 * 1024;

    public IReadOnlyList<string> ImageRoleList() =>
        [.. ImageRoles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public bool MaySeeImages(System.Security.Claims.ClaimsPrincipal user) => ImageRoleList().Any(user.IsInRole);
}
