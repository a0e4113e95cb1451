using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Web.Jobs;
using Timpora.Web.Pages.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Staged photos of forms never sent again are deleted after the retention; fresh ones stay for the reporter.</summary>
public sealed class StagedPhotoCleanupTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PruneStaged_OlderThanTheRetention_DeletesOnlyTheAbandonedPhotos()
    {
        var photos = app.Services.GetRequiredService<PhotoStore>();
        var abandoned = await photos.StageAsync("image/jpeg", TestImages.Jpeg(false), Token);
        var fresh = await photos.StageAsync("image/png", TestImages.Png(false), Token);
        var folder = Path.Combine(app.Services.GetRequiredService<TipOptions>().PhotoFolder, "staged");
        foreach (var file in Directory.GetFiles(folder, abandoned.ToString("N") + "*"))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-25));
        }

        var deleted = photos.PruneStaged(DateTime.UtcNow - StagedPhotoCleanupWorker.RetentionOf(app.Services.GetRequiredService<IConfiguration>()));

        Assert.True(deleted >= 1);
        Assert.Null(photos.StagedInfo(abandoned));
        Assert.Empty(Directory.GetFiles(folder, abandoned.ToString("N") + "*"));
        Assert.Equal(("image/png", (long)TestImages.Png(false).Length), photos.StagedInfo(fresh));
    }

    [Theory]
    [InlineData(null, 24)]
    [InlineData("6", 6)]
    [InlineData("0", 24)]
    [InlineData("-3", 24)]
    public void RetentionOf_Configuration_IsTheHoursOrTheDefault(string? hours, double expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Timpora:StagedPhotoRetentionHours"] = hours }).Build();

        Assert.Equal(TimeSpan.FromHours(expected), StagedPhotoCleanupWorker.RetentionOf(configuration));
    }

    [Fact]
    public void Worker_IsRunByTheApplication()
    {
        Assert.Contains(app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s is StagedPhotoCleanupWorker);
    }
}
