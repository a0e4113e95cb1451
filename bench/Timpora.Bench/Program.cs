using Timpora.Bench;

return args.FirstOrDefault() switch
{
    "screening" => await ScreeningBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/Timpora.Bench -- screening [--entries 1000000] [--queries 20000]");
    return 2;
}
