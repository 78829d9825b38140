namespace RagAnything.Hosting.Endpoints;

/// <summary>
/// Measures the data folder for the status route: the free space of its drive and the size of its files.
/// </summary>
internal static class DataFolderUsage
{
    /// <summary>
    /// The maximum number of files summed per status request. A store keeps a handful of files, so the cap matters
    /// only when the data folder is pointed at a large tree by mistake, and then it keeps the status route fast.
    /// </summary>
    private const int MaxFilesCounted = 10_000;

    /// <summary>Returns the free bytes of the drive that contains <paramref name="folder"/>, or <see langword="null"/> when it cannot be read.</summary>
    public static long? GetFreeBytes(string? folder)
    {
        if (string.IsNullOrEmpty(folder))
        {
            return null;
        }

        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Returns the total size of the files under <paramref name="folder"/>, or <see langword="null"/> when it
    /// cannot be read. Files that vanish or cannot be opened while counting are skipped.
    /// </summary>
    public static long? GetUsedBytes(string? folder)
    {
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            return null;
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        try
        {
            return new DirectoryInfo(folder)
                .EnumerateFiles("*", options)
                .Take(MaxFilesCounted)
                .Sum(SizeOf);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long SizeOf(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            // SQLite may delete a journal file between listing the folder and reading the file's size.
            return 0;
        }
    }
}
