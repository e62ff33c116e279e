using System.Text;

namespace Stateright.Snapshots;

/// <summary>The file format of snapshots, as Verify writes text: UTF-8 with a BOM, LF line endings, no trailing newline.</summary>
public static class SnapshotText
{
    private static readonly UTF8Encoding s_utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Normalizes line endings to LF and removes trailing newlines.</summary>
    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n');

    /// <summary>Reads a snapshot file (BOM optional), normalized.</summary>
    public static string Read(string path) => Normalize(File.ReadAllText(path, Encoding.UTF8));

    /// <summary>
    /// Writes a snapshot file in the canonical format, atomically: the text goes to a temporary file
    /// beside it, which is then renamed over the target, so a concurrent reader or a killed process
    /// never sees a truncated snapshot.
    /// </summary>
    public static void Write(string path, string text)
    {
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        System.IO.Directory.CreateDirectory(directory);
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, Normalize(text), s_utf8WithBom);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
