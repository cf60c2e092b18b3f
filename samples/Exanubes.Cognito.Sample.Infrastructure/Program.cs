Console.WriteLine("The CDK app lands with issue 6.");
