using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Files;
using Timpora.Web.Jobs;

namespace Timpora.Tests.Tips;

/// <summary>Staged photos of forms never sent again are deleted when their time runs out; fresh ones stay for the reporter.</summary>
public sealed class StagedPhotoCleanupTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PruneStaged_PastTheirTime_DeletesOnlyTheAbandonedPhotos()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var abandoned = await files.StageAsync(files.Check(TestImages.Jpeg(false), FileKinds.Photo, out _)!, DateTime.UtcNow.AddHours(-1), Token);
        var fresh = await files.StageAsync(files.Check(TestImages.Png(false), FileKinds.Photo, out _)!, DateTime.UtcNow.AddHours(23), Token);

        var deleted = await files.PruneStagedAsync(Token);

        Assert.True(deleted >= 1);
        Assert.False(await files.IsStagedAsync(abandoned, Token));
        Assert.True(await files.IsStagedAsync(fresh, Token));
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
