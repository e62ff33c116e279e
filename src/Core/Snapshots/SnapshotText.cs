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

    /// <summary>Writes a snapshot file in the canonical format.</summary>
    public static void Write(string path, string text)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Normalize(text), s_utf8WithBom);
    }
}
