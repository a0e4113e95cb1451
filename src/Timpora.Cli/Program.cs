using Timpora.Cli;

return await Verbs.RunAsync(args, Console.In, Console.Out, Console.Error);
