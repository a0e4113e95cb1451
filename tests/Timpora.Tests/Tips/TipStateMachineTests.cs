using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

public sealed class TipStateMachineTests
{
    [Theory]
    [InlineData(TipState.New, TipStep.Verify, TipState.Verified)]
    [InlineData(TipState.New, TipStep.Reject, TipState.Rejected)]
    [InlineData(TipState.Verified, TipStep.Reject, TipState.Rejected)]
    [InlineData(TipState.New, TipStep.LinkDuplicate, TipState.Duplicate)]
    [InlineData(TipState.Verified, TipStep.LinkDuplicate, TipState.Duplicate)]
    [InlineData(TipState.Duplicate, TipStep.AddNote, TipState.Duplicate)]
    [InlineData(TipState.Verified, TipStep.Assign, TipState.Assigned)]
    [InlineData(TipState.InFollowUp, TipStep.Assign, TipState.Assigned)]
    [InlineData(TipState.Assigned, TipStep.StartFollowUp, TipState.InFollowUp)]
    [InlineData(TipState.InFollowUp, TipStep.Close, TipState.Closed)]
    [InlineData(TipState.InFollowUp, TipStep.FieldCheck, TipState.InFollowUp)]
    [InlineData(TipState.Assigned, TipStep.Escalate, TipState.Assigned)]
    [InlineData(TipState.Closed, TipStep.PublicMessage, TipState.Closed)]
    public void After_AllowedStep_GivesTheNextState(TipState from, TipStep step, TipState to) =>
        Assert.Equal(to, TipStateMachine.After(from, step));

    [Theory]
    [InlineData(TipState.New, TipStep.Assign)]
    [InlineData(TipState.New, TipStep.Close)]
    [InlineData(TipState.Verified, TipStep.Verify)]
    [InlineData(TipState.Verified, TipStep.StartFollowUp)]
    [InlineData(TipState.Assigned, TipStep.Close)]
    [InlineData(TipState.Assigned, TipStep.Reject)]
    [InlineData(TipState.Rejected, TipStep.Assign)]
    [InlineData(TipState.Rejected, TipStep.AddNote)]
    [InlineData(TipState.Closed, TipStep.Assign)]
    [InlineData(TipState.Closed, TipStep.Grade)]
    [InlineData(TipState.New, TipStep.Escalate)]
    [InlineData(TipState.New, TipStep.LinkForeigner)]
    [InlineData(TipState.Duplicate, TipStep.Assign)]
    [InlineData(TipState.Duplicate, TipStep.LinkDuplicate)]
    [InlineData(TipState.Assigned, TipStep.LinkDuplicate)]
    public void After_StepNotAllowed_Throws(TipState from, TipStep step)
    {
        Assert.False(TipStateMachine.Allows(from, step));
        Assert.Throws<InvalidOperationException>(() => TipStateMachine.After(from, step));
    }

    [Theory]
    [InlineData(TipState.New, TipPublicState.Received)]
    [InlineData(TipState.Verified, TipPublicState.InReview)]
    [InlineData(TipState.Assigned, TipPublicState.InFollowUp)]
    [InlineData(TipState.InFollowUp, TipPublicState.InFollowUp)]
    [InlineData(TipState.Rejected, TipPublicState.Finished)]
    [InlineData(TipState.Closed, TipPublicState.Finished)]
    [InlineData(TipState.Duplicate, TipPublicState.Duplicate)]
    public void PublicStateOf_EachState_IsCoarse(TipState state, TipPublicState shown) =>
        Assert.Equal(shown, TipStateMachine.PublicStateOf(state));

    [Theory]
    [InlineData('A', 1, true)]
    [InlineData('F', 6, true)]
    [InlineData('G', 1, false)]
    [InlineData('A', 0, false)]
    [InlineData('B', 7, false)]
    public void IsValidGrade_AdmiraltyScale_OnlyAToFAnd1To6(char reliability, int credibility, bool valid) =>
        Assert.Equal(valid, TipStateMachine.IsValidGrade(reliability, credibility));

    [Fact]
    public void TrackingCodes_TypedLooselyOnAPhone_StillMatch()
    {
        var code = TrackingCodes.NewCode();
        var secret = TrackingCodes.NewSecret();
        var hash = TrackingCodes.Hash(code, secret);

        Assert.True(TrackingCodes.Verify(code.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), secret.ToLowerInvariant(), hash));
        Assert.False(TrackingCodes.Verify(code, "AAAAA-AAAAA", hash));
    }
}
