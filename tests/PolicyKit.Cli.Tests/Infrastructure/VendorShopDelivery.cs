using System;
using System.IO;
using System.Text.RegularExpressions;

namespace PolicyKit.Cli.Tests.Infrastructure;

/// <summary>samples/VendorShop copied into a temporary delivery (its bin/ and obj/ left out), and snapshot helpers.</summary>
internal static class VendorShopDelivery
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PolicyKit.sln not found above " + AppContext.BaseDirectory);
    }

    public static TempDelivery Create()
    {
        var delivery = TempDelivery.Empty();
        Copy(Path.Combine(RepositoryRoot(), "samples", "VendorShop"), delivery.Path);
        return delivery;
    }

    /// <summary>Dates, versions, hashes and the temporary path replaced, so that a snapshot only changes with the views.</summary>
    public static string Normalise(string text, string deliveryPath)
    {
        text = text.Replace(deliveryPath, "VendorShop", StringComparison.Ordinal);
        text = Regex.Replace(text, @"\b\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?\b", "YYYY-MM-DD");
        text = Regex.Replace(text, @"\b[0-9a-f]{64}\b", "<sha256>");
        text = Regex.Replace(text, @"policykit \d+\.\d+\.\d+[^\s|]*( / \d+\.\d+\.\d+[^\s|]*)?", "policykit <version>");
        return text;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (name is not ("bin" or "obj"))
            {
                Copy(directory, Path.Combine(to, name));
            }
        }
    }
}
