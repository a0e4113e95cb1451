namespace Timpora.Core.Tips;

/// <summary>Where a tip stands in triage. Only <see cref="TipStateMachine"/> moves it.</summary>
public enum TipState
{
    New = 1,
    Verified = 2,
    Rejected = 3,
    Assigned = 4,
    InFollowUp = 5,
    Closed = 6,

    /// <summary>The same matter as another tip, which is the one worked; not a rejection: its reporter still
    /// follows it, and the original lists it with its details and photos (ADR 0033).</summary>
    Duplicate = 7,
}

/// <summary>The coarse state the reporter sees on the status page.</summary>
public enum TipPublicState
{
    Received = 1,
    InReview = 2,
    InFollowUp = 3,
    Finished = 4,

    /// <summary>Joined to another report of the same matter, which is being handled.</summary>
    Duplicate = 5,
}

public enum TipStep
{
    Verify = 1,
    Reject = 2,
    LinkDuplicate = 3,
    Assign = 4,
    StartFollowUp = 5,
    AddNote = 6,
    FieldCheck = 7,
    LinkForeigner = 8,
    Close = 9,
    Escalate = 10,
    Grade = 11,
    Share = 12,
    PublicMessage = 13,
}

/// <summary>The triage rules in one place: new → verified or rejected → assigned → in follow-up → closed,
/// with the side steps each state allows. A new or verified tip may instead become a duplicate of another.</summary>
public static class TipStateMachine
{
    private static readonly TipState[] Open = [TipState.New, TipState.Verified, TipState.Assigned, TipState.InFollowUp];
    private static readonly TipState[] Accepted = [TipState.Verified, TipState.Assigned, TipState.InFollowUp];

    public static bool Allows(TipState state, TipStep step) => step switch
    {
        TipStep.Verify => state == TipState.New,
        TipStep.Reject or TipStep.LinkDuplicate => state is TipState.New or TipState.Verified,
        TipStep.Assign or TipStep.Escalate or TipStep.Share => Accepted.Contains(state),
        TipStep.StartFollowUp => state == TipState.Assigned,
        TipStep.FieldCheck or TipStep.LinkForeigner or TipStep.Close => state == TipState.InFollowUp,
        TipStep.AddNote => Open.Contains(state) || state == TipState.Duplicate,
        TipStep.Grade => Open.Contains(state),
        TipStep.PublicMessage => true,
        _ => false,
    };

    /// <summary>The state after <paramref name="step"/>; throws when the step is not allowed from <paramref name="state"/>.</summary>
    public static TipState After(TipState state, TipStep step)
    {
        if (!Allows(state, step))
        {
            throw new InvalidOperationException($"A tip in state {state} cannot take the step {step}.");
        }

        return step switch
        {
            TipStep.Verify => TipState.Verified,
            TipStep.Reject => TipState.Rejected,
            TipStep.LinkDuplicate => TipState.Duplicate,
            TipStep.Assign => TipState.Assigned,
            TipStep.StartFollowUp => TipState.InFollowUp,
            TipStep.Close => TipState.Closed,
            _ => state,
        };
    }

    public static IReadOnlyList<TipStep> StepsFrom(TipState state) => [.. Enum.GetValues<TipStep>().Where(s => Allows(state, s))];

    public static TipPublicState PublicStateOf(TipState state) => state switch
    {
        TipState.New => TipPublicState.Received,
        TipState.Verified => TipPublicState.InReview,
        TipState.Assigned or TipState.InFollowUp => TipPublicState.InFollowUp,
        TipState.Duplicate => TipPublicState.Duplicate,
        _ => TipPublicState.Finished,
    };

    public static bool IsOpen(TipState state) => Open.Contains(state);

    /// <summary>Admiralty grading: source reliability A-F, information credibility 1-6.</summary>
    public static bool IsValidGrade(char reliability, int credibility) =>
        reliability is >= 'A' and <= 'F' && credibility is >= 1 and <= 6;
}
