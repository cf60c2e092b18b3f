// The demo on its own: configure Cognito:UserPoolId, Cognito:ClientId and Cognito:Region (from the CDK outputs) to run
// it against a real user pool. `dotnet run --project samples/Exanubes.Cognito.Sample.LocalStack` runs it locally.
using Exanubes.Cognito.Sample.WebApp;

await DemoApp.Create(args).RunAsync();
