using Microsoft.Win32.SafeHandles;
using Tmds.Linux;

namespace InvestmentPlatform.Collectors.Imports;

/// <summary>Opens a path only when it is a regular file whose real path lies inside a folder.</summary>
internal static unsafe class RegularFile
{
    /// <returns>The open file, or null whatever the reason it may not be read.</returns>
    public static FileStream? OpenInside(string folder, string path)
    {
        if (!OperatingSystem.IsLinux())
            return OpenPortable(folder, path);

        var root = RealPath(folder, LibC.O_PATH | LibC.O_CLOEXEC);
        if (root is null)
            return null;

        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for one, with no way to cancel the wait.
        var fd = Open(path, LibC.O_RDONLY | LibC.O_NONBLOCK | LibC.O_CLOEXEC);
        if (fd < 0)
            return null;
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            stat status;
            if (LibC.fstat(fd, &status) != 0 || !LibC.S_ISREG(status.st_mode))
                return Refuse(handle);
            // The descriptor's own path is the file actually opened, after every link: no race with a swapped link.
            if (Link($"/proc/self/fd/{fd}") is not { } real || !IsInside(root, real))
                return Refuse(handle);
            return new FileStream(handle, FileAccess.Read, 64 * 1024);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FileStream? Refuse(SafeFileHandle handle)
    {
        handle.Dispose();
        return null;
    }

    private static string? RealPath(string path, int flags)
    {
        var fd = Open(path, flags);
        if (fd < 0)
            return null;
        try
        {
            return Link($"/proc/self/fd/{fd}");
        }
        finally
        {
            LibC.close(fd);
        }
    }

    private static int Open(string path, int flags)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* p = bytes)
            return LibC.open(p, flags, default);
    }

    private static string? Link(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static FileStream? OpenPortable(string folder, string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            var root = Path.GetFullPath(folder);
            if (target is not { Exists: true } || !IsInside(root, Path.GetFullPath(target.FullName)))
                return null;
            return new FileStream(target.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
