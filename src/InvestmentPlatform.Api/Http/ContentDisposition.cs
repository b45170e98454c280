using System.Text;

namespace InvestmentPlatform.Api.Http;

public static class ContentDisposition
{
    /// <summary>
    /// An attachment header whose plain file name keeps only safe characters (symbols may hold quotes or slashes) and
    /// whose RFC 5987 name keeps the original.
    /// </summary>
    public static string Attachment(string fileName)
    {
        var safe = new StringBuilder(fileName.Length);
        foreach (var c in fileName)
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '=' ? c : '_');
        return $"attachment; filename=\"{safe}\"; filename*=UTF-8''{Uri.EscapeDataString(fileName)}";
    }
}
