// Each suite prints its own rates and its ratio against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/Exanubes.Cognito.Benchmarks -- <tokens|esdk|coldstart|all>
using Exanubes.Cognito.Benchmarks.ColdStart;
using Exanubes.Cognito.Benchmarks.Esdk;
using Exanubes.Cognito.Benchmarks.Tokens;

var suite = args.Length > 0 ? args[0] : "all";
switch (suite)
{
    case "tokens":
        return await TokenValidationBenchmark.RunAsync();
    case "esdk":
        return EsdkBenchmark.Run();
    case "coldstart":
        return await ColdStartBenchmark.RunAsync();
    case "all":
        var rc = await TokenValidationBenchmark.RunAsync();
        rc |= EsdkBenchmark.Run();
        rc |= await ColdStartBenchmark.RunAsync();
        return rc;
    default:
        Console.WriteLine($"Exanubes.Cognito benchmarks: unknown suite '{suite}' (known: tokens, esdk, coldstart, all).");
        return 2;
}
