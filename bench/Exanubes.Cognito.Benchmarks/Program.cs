// Each suite prints its own rates and its ratio against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/Exanubes.Cognito.Benchmarks -- <suite>
using Exanubes.Cognito.Benchmarks.Tokens;

var suite = args.Length > 0 ? args[0] : "all";
switch (suite)
{
    case "esdk-scratch":
        Exanubes.Cognito.Benchmarks.Esdk.EsdkScratch.Run();
        return 0;
    case "tokens":
        return await TokenValidationBenchmark.RunAsync();
    case "all":
        return await TokenValidationBenchmark.RunAsync();
    default:
        Console.WriteLine($"Exanubes.Cognito benchmarks: unknown suite '{suite}' (known: tokens, all).");
        return 2;
}
