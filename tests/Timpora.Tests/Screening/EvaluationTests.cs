using Timpora.Screening;
using Timpora.Screening.Evaluation;

namespace Timpora.Tests.Screening;

public class EvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Run_GeneratedSet_MeetsQualityTargets()
    {
        var set = EvaluationSet.Generate(entryCount: 20_000, queryCount: 4_000);
        var index = WatchlistIndex.Build(set.Entries);

        var report = EvaluationReport.Run(index, set.Queries);

        output.WriteLine(report.ToString());
        foreach (var miss in report.Misses.Take(40))
        {
            output.WriteLine("MISS " + miss);
        }

        foreach (var falseHit in report.FalseHits.Take(2000))
        {
            output.WriteLine("FALSE " + falseHit);
        }

        Assert.True(report.ReviewWithDate.Recall >= 0.99, $"recall with date of birth {report.ReviewWithDate}");
        Assert.True(report.ReviewWithDate.Precision >= 0.95, $"precision with date of birth {report.ReviewWithDate}");
        Assert.True(report.ReviewNameOnly.Recall >= 0.97, $"recall name only {report.ReviewNameOnly}");
    }

    [Fact]
    public void Generate_SameSeed_SameSet()
    {
        var first = EvaluationSet.Generate(500, 200);
        var second = EvaluationSet.Generate(500, 200);

        Assert.Equal(first.Queries.Select(q => q.Query.Name), second.Queries.Select(q => q.Query.Name));
        Assert.Equal(first.Entries.Select(e => e.Name), second.Entries.Select(e => e.Name));
    }
}
