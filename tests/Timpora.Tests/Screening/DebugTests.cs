using Timpora.Screening;

namespace Timpora.Tests.Screening;

public class DebugTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug_Print()
    {
        var index = WatchlistIndex.Build([new("E1", "MUHAMMAD ABDUL RAHMAN", ["ABU KHALID"], PartialDate.Of(1980, 5, 12), "IRQ", Sex.Male, ["A1234567"])]);
        foreach (var hit in index.Screen(new ScreeningQuery("محمد عبد الرحمن", PartialDate.Of(1980, 5, 12)), ScreeningOptions.Default with { ReviewThreshold = 0.01 }))
        {
            output.WriteLine($"{hit.Entry.Id} {hit.Score} {hit.Explanation}");
        }
    }
}
