using System;
using System.IO;

namespace PolicyKit.Cli.Tests.Infrastructure;

/// <summary>A fixture delivery copied to a fresh temporary folder (deleted on dispose), with an output folder beside it.</summary>
internal sealed class TempDelivery : IDisposable
{
    private TempDelivery(string root)
    {
        Root = root;
        Directory.CreateDirectory(System.IO.Path.Combine(root, "delivery"));
        Directory.CreateDirectory(System.IO.Path.Combine(root, "out"));
    }

    public string Root { get; }

    public string Path => System.IO.Path.Combine(Root, "delivery");

    public string Out => System.IO.Path.Combine(Root, "out");

    public static TempDelivery Empty() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykit-tests", Guid.NewGuid().ToString("N")));

    public static TempDelivery Of(string fixture)
    {
        var delivery = Empty();
        Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "Deliveries", fixture), delivery.Path);
        return delivery;
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Write(string relative, string text)
    {
        var path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses a new one.
        }
        catch (UnauthorizedAccessException)
        {
            // As above (a chmod 000 file when not running as root).
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            System.IO.File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)));
        }
    }
}
