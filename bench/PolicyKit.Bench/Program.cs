using System;
using System.IO;
using System.Threading.Tasks;
using PolicyKit.Bench;

try
{
    var root = BenchOptions.FindRepositoryRoot(Directory.GetCurrentDirectory());
    var options = BenchOptions.Parse(args, root);
    if (options.WriteManifest)
    {
        Manifest.Write(Path.Combine(root, "tests", "Corpus"));
        Manifest.Write(Path.Combine(root, "tests", "LegacyCorpus"));
        Console.WriteLine("tests/Corpus/manifest.json and tests/LegacyCorpus/manifest.json regenerated.");
        return 0;
    }

    var result = await BenchRunner.RunAsync(options, Console.Out);
    Console.WriteLine($"Results written to {result.ReportPath}");
    if (result.Regressions.Count > 0)
    {
        Console.Error.WriteLine("PolicyKit fell below bench/baseline.json:");
        foreach (var regression in result.Regressions)
        {
            Console.Error.WriteLine("  " + regression);
        }

        return 1;
    }

    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}
catch (BuildFailedException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
