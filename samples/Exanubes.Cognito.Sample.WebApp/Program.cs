// The demo on its own: configure Cognito:UserPoolId and Cognito:ClientId (from the CDK outputs; the region comes from the pool id) to run
// it against a real user pool. `dotnet run --project samples/Exanubes.Cognito.Sample.LocalStack` runs it locally.
using Exanubes.Cognito.Sample.WebApp;

await DemoApp.Create(args).RunAsync();
