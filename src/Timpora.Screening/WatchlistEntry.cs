namespace Timpora.Screening;

public enum Sex
{
    Female,
    Male,
}

/// <summary>
/// One person (or one document) on a watchlist. <paramref name="ValidFrom"/> and <paramref name="ValidUntil"/>
/// bound the listing: a ban that has run out must stop matching (pencegahan lasts 6 months unless renewed).
/// </summary>
public sealed record WatchlistEntry(
    string Id,
    string Name,
    IReadOnlyList<string> Aliases,
    PartialDate? DateOfBirth = null,
    string? Nationality = null,
    Sex? Sex = null,
    IReadOnlyList<string>? Documents = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidUntil = null)
{
    public bool IsValidOn(DateOnly day) =>
        (ValidFrom is null || ValidFrom.Value <= day) && (ValidUntil is null || day <= ValidUntil.Value);
}

/// <summary>A person to screen. <paramref name="AsOf"/> is the day whose list applies (today when null).</summary>
public sealed record ScreeningQuery(
    string Name,
    PartialDate? DateOfBirth = null,
    string? Nationality = null,
    Sex? Sex = null,
    string? Document = null,
    DateOnly? AsOf = null);

public enum ScreeningDecision
{
    Review,
    Alert,
}

/// <summary>A watchlist entry that resembles the query, with the reasons an officer can check.</summary>
public sealed record ScreeningHit(
    WatchlistEntry Entry,
    double Score,
    ScreeningDecision Decision,
    string MatchedName,
    IReadOnlyList<HitReason> Reasons)
{
    /// <summary>
    /// The name score plus what the facts add or take, before it is capped to the score: 1.2 (an exact name and
    /// date of birth) tells more than 1.0 (an exact name, no date on the list), though both show as 1.
    /// </summary>
    public double Evidence { get; init; }

    /// <summary>The reasons in English, comma-separated.</summary>
    public string Explanation => HitReasons.Describe(Reasons);
}

/// <summary>
/// Thresholds and limits. The defaults are the ones the evaluation set (see <c>Evaluation/</c>) was measured
/// with; change them together with a new run of <c>bench/Timpora.Bench screening</c>.
/// </summary>
public sealed record ScreeningOptions
{
    public static ScreeningOptions Default { get; } = new();

    /// <summary>
    /// Score at or above which a hit is an alert. When not set, the index's own (<see cref="WatchlistIndex.AlertThreshold"/>),
    /// which rises with the number of entries: the longer the list, the more namesakes a near name meets.
    /// </summary>
    public double? AlertThreshold { get; init; }

    /// <summary>Score at or above which a hit goes to review; hits below it are not returned.</summary>
    public double ReviewThreshold { get; init; } = 0.75;

    /// <summary>
    /// A hit at or above the alert threshold is still a review when another hit's evidence (name and facts,
    /// before the score is capped at 1) is at least this much stronger: the other entry fits the query better.
    /// </summary>
    public double BetterFitMargin { get; init; } = 0.08;

    /// <summary>How many candidates, ranked by a cheap pre-score, get the full comparison.</summary>
    public int MaxScoredCandidates { get; init; } = 200;

    /// <summary>
    /// The same for a query without a date of birth. Nothing then narrows the names that hold the query's parts
    /// (hundreds of NGUYEN ... QUANG rank alike), so more of them are compared; the hits are for review anyway.
    /// </summary>
    public int MaxScoredCandidatesWithoutDate { get; init; } = 300;

    /// <summary>
    /// The same for a query without a date of birth whose name has four parts or more. Its parts narrow the names
    /// as a date would: the person shares several of them, a namesake few, so the ranking is sharp and the first
    /// hundred hold what the first three hundred held on the evaluation set (ADR 0023), at a third of the cost.
    /// </summary>
    public int MaxScoredCandidatesLongNameWithoutDate { get; init; } = 100;

    /// <summary>Upper bound of hits returned for one query.</summary>
    public int MaxHits { get; init; } = 1000;

    /// <summary>Gives "today" for queries without an as-of date, so that expired entries stop matching.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
