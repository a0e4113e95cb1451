using Timpora.Bench;

return args.FirstOrDefault() switch
{
    "screening" => await ScreeningBenchmark.RunAsync(args[1..]),
    "checkins" => await CheckInBenchmark.RunAsync(args[1..]),
    "tips" => await TipBenchmark.RunAsync(args[1..]),
    "crash" => await CrashBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project bench/Timpora.Bench -- screening [--entries 1000000] [--queries 20000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Timpora.Bench -- checkins [--provider sqlite|postgresql] [--seconds 15] [--clients 32] [--bulk-rows 100000]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Timpora.Bench -- tips [--provider sqlite|postgresql] [--tips 200000] [--seconds 15] [--clients 16]");
    Console.Error.WriteLine("       dotnet run -c Release --project bench/Timpora.Bench -- crash [--provider sqlite|postgresql] [--trials 5] [--clients 16] [--seed 28]");
    return 2;
}
