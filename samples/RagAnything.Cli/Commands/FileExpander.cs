namespace RagAnything.Cli.Commands;

/// <summary>
/// Turns the command line's files and folders into a list of files, folders read recursively.
/// </summary>
internal static class FileExpander
{
    public static List<string> Expand(IEnumerable<string> paths)
    {
        var enumeration = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,

            // Skipping reparse points keeps a symbolic link that points to a parent folder from looping forever.
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };

        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var path in paths)
        {
            var candidates = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", enumeration).Where(file => !IsHidden(file)).Order(StringComparer.Ordinal)
                : Enumerable.Repeat(path, 1);

            foreach (var file in candidates)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    // Dot files and dot folders are hidden on Unix even without the Hidden attribute.
    private static bool IsHidden(string file)
        => file.Split(Path.DirectorySeparatorChar).Any(segment => segment.Length > 1 && segment[0] == '.' && segment is not ".." and not ".");
}
