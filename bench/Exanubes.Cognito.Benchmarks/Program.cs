// Each suite prints its own rates and its ratio against a baseline measured in the same run.
// Usage: dotnet run -c Release --project bench/Exanubes.Cognito.Benchmarks -- <suite>
var suite = args.Length > 0 ? args[0] : "all";
switch (suite)
{
    case "esdk-scratch":
        Exanubes.Cognito.Benchmarks.Esdk.EsdkScratch.Run();
        return 0;
    default:
        Console.WriteLine($"Exanubes.Cognito benchmarks: suite '{suite}' has no benchmarks yet.");
        return 0;
}
