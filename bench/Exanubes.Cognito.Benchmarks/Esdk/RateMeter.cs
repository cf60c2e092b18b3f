using System.Diagnostics;

namespace Exanubes.Cognito.Benchmarks.Esdk;

/// <summary>Rates (operations per wall second and per CPU-second of this process) and medians; linked into the Native AOT child too.</summary>
internal static class RateMeter
{
    public static double Rate(Func<bool> action, TimeSpan duration) => Rate(action, duration, out _);

    public static double Rate(Func<bool> action, TimeSpan duration, out double perCpuSecond)
    {
        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var n = 0;
        while (sw.Elapsed < duration)
        {
            if (!action())
            {
                throw new InvalidOperationException("benchmark step failed");
            }

            n++;
        }

        var wall = sw.Elapsed.TotalSeconds;
        process.Refresh();
        perCpuSecond = n / (process.TotalProcessorTime - cpu0).TotalSeconds;
        return n / wall;
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
