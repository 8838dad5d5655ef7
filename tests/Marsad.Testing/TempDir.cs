using System.Text;

namespace Marsad.Testing;

/// <summary>A fresh directory under the system temp folder, deleted on dispose; tests write bad inputs into it.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "marsad-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The directory's absolute path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="name"/> (sub-folders created) and returns the file's path.</summary>
    public string Write(string name, byte[] bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, bytes);
        return file;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM and returns the file's path.</summary>
    public string Write(string name, string text) => Write(name, new UTF8Encoding(false).GetBytes(text));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
