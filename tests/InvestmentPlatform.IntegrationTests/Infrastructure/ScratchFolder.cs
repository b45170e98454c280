namespace InvestmentPlatform.IntegrationTests.Infrastructure;

/// <summary>Removes a test's scratch folder once its host is gone.</summary>
public static class ScratchFolder
{
    /// <summary>
    /// A host's background work (a key ring write, SQLite's -wal file, a server's last log line) can add a file while
    /// the folder is being removed; removing again a moment later succeeds. A folder still held after that is left in
    /// the temp directory: cleanup is not what the test asserts.
    /// </summary>
    public static async Task DeleteAsync(string path)
    {
        for (var attempt = 1; attempt <= 10; attempt++)
        {
            try
            {
                if (Directory.Exists(path))
                    Directory.Delete(path, recursive: true);
                return;
            }
            catch (IOException)
            {
                await Task.Delay(100 * attempt);
            }
            catch (UnauthorizedAccessException)
            {
                await Task.Delay(100 * attempt);
            }
        }
    }
}
