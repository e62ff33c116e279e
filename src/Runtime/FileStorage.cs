using System.Net;

namespace Stateright.Runtime;

/// <summary>
/// Durable storage for spawned actors: one file per actor, named after its endpoint
/// (<c>127.0.0.1-3000.storage</c>), in a directory. Writes are atomic: the bytes go to a temporary
/// file that then replaces the old one, so a crash leaves either the old or the new storage.
/// </summary>
public sealed class FileStorage
{
    /// <summary>Storage in <paramref name="directory"/> (created on first write).</summary>
    public FileStorage(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The directory holding the files.</summary>
    public string Directory { get; }

    /// <summary>The file that holds the storage of the actor on <paramref name="endpoint"/>.</summary>
    public string PathOf(IPEndPoint endpoint) => Path.Combine(Directory, $"{endpoint.Address}-{endpoint.Port}.storage");

    /// <summary>The stored bytes for <paramref name="endpoint"/>, or null if nothing was saved.</summary>
    public byte[]? Read(IPEndPoint endpoint)
    {
        var path = PathOf(endpoint);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    /// <summary>Replaces the stored bytes for <paramref name="endpoint"/> atomically.</summary>
    /// <exception cref="IOException">The write failed; the previous storage, if any, is intact.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public void Write(IPEndPoint endpoint, ReadOnlySpan<byte> bytes)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = PathOf(endpoint);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>Deletes the storage of <paramref name="endpoint"/>, if any.</summary>
    public void Delete(IPEndPoint endpoint) => File.Delete(PathOf(endpoint));
}
