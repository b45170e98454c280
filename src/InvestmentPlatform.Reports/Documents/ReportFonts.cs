using PdfSharp.Fonts;

namespace InvestmentPlatform.Reports.Documents;

/// <summary>
/// The one font family of reports: DejaVu Sans from Debian's fonts-dejavu-core (installed by the test script and the
/// container image), read from <see cref="Directory"/>. PDFsharp embeds the glyphs it uses, so the PDF reads the same
/// everywhere; ScottPlot finds the same family through fontconfig.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    public const string DefaultDirectory = "/usr/share/fonts/truetype/dejavu";
    private static readonly Lock Gate = new();
    private static bool _installed;

    public string Directory { get; }

    private ReportFonts(string directory) => Directory = directory;

    /// <summary>PDFsharp's resolver is process-wide: installed once, the first directory wins.</summary>
    public static void Install(string? directory)
    {
        lock (Gate)
        {
            if (_installed)
                return;
            var fonts = new ReportFonts(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
            if (!File.Exists(Path.Combine(fonts.Directory, "DejaVuSans.ttf")))
                throw new InvalidOperationException(
                    $"Reports need DejaVu Sans in {fonts.Directory} (Debian: apt-get install fonts-dejavu-core; or set Reports__FontDirectory).");
            GlobalFontSettings.FontResolver = fonts;
            _installed = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSans-Bold" : "DejaVuSans");

    public byte[]? GetFont(string faceName) => File.ReadAllBytes(Path.Combine(Directory, faceName + ".ttf"));
}
