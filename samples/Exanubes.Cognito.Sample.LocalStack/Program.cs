Console.WriteLine("The local stack lands with issue 7.");
