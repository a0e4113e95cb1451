Console.WriteLine("Timpora benchmarks: see bench/README.md");
