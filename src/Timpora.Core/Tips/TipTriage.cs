using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Tips;

/// <summary>What an officer asks of a tip; which fields count depends on the step.</summary>
public sealed record TipCommand(TipStep Step)
{
    public string? Note { get; init; }
    public TipRejection? Rejection { get; init; }
    public int? UnitId { get; init; }
    public string? UserId { get; init; }
    public DateTime? DueUtc { get; init; }
    public TipOutcome? Outcome { get; init; }
    public char? Reliability { get; init; }
    public int? Credibility { get; init; }
    public int? KanimId { get; init; }
    public string? OperationReference { get; init; }

    /// <summary>A joint operation record the caller's scope lets them see; its office becomes the escalation's.</summary>
    public Guid? OperationId { get; init; }
    public string? DuplicateOf { get; init; }
    public Guid? ForeignerId { get; init; }
}

/// <summary>Applies one triage step to a tip: checks it against the state machine and the database, changes the
/// tip, writes its timeline line and the notices, and saves once (the audit entry carries the step and note).</summary>
public static class TipTriage
{
    /// <returns>Null when done, else the text key of what is wrong.</returns>
    public static async Task<string?> ApplyAsync(AppDbContext db, Tip tip, TipCommand command, string by, DateTime nowUtc, bool email = false, CancellationToken cancellationToken = default)
    {
        if (!TipStateMachine.Allows(tip.State, command.Step))
        {
            return "Tips.Error.StepNotAllowed";
        }

        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        var kind = TipEventKind.Note;
        switch (command.Step)
        {
            case TipStep.Verify:
                kind = TipEventKind.Verified;
                break;
            case TipStep.Reject:
                if (command.Rejection is null || command.Rejection == TipRejection.Duplicate || note is null)
                {
                    return "Tips.Error.RejectionNeedsReason";
                }

                tip.Rejection = command.Rejection;
                kind = TipEventKind.Rejected;
                break;
            case TipStep.LinkDuplicate:
                var code = TrackingCodes.Normalise(command.DuplicateOf);
                var original = await db.Tips.Where(t => t.TrackingCode == code && t.Id != tip.Id && t.KanimId == tip.KanimId)
                    .Select(t => new { t.Id, t.State, t.DuplicateOfId }).FirstOrDefaultAsync(cancellationToken);
                if (original is null)
                {
                    return "Tips.Error.DuplicateNotFound";
                }

                // Duplicates point at the one case that is worked, never at another duplicate; the tip's own
                // duplicates follow it to that case.
                var worked = original.DuplicateOfId ?? original.Id;
                if (worked == tip.Id)
                {
                    return "Tips.Error.DuplicateNotFound";
                }

                tip.DuplicateOfId = worked;
                foreach (var own in await db.Tips.Where(t => t.DuplicateOfId == tip.Id).ToListAsync(cancellationToken))
                {
                    own.DuplicateOfId = worked;
                }

                note = code + (note is null ? "" : ": " + note);
                kind = TipEventKind.DuplicateLinked;
                break;
            case TipStep.Assign:
                if (await AssigneeErrorAsync(db, tip, command, nowUtc, cancellationToken) is { } assigneeError)
                {
                    return assigneeError;
                }

                tip.AssignedUnitId = command.UnitId;
                tip.AssignedUserId = string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId;
                tip.DueUtc = command.DueUtc;
                kind = TipEventKind.Assigned;
                await TipNotices.AssignedAsync(db, tip, nowUtc, email, cancellationToken);
                break;
            case TipStep.StartFollowUp:
                kind = TipEventKind.FollowUpStarted;
                break;
            case TipStep.AddNote or TipStep.FieldCheck:
                if (note is null)
                {
                    return "Tips.Error.NoteRequired";
                }

                kind = command.Step == TipStep.FieldCheck ? TipEventKind.FieldCheck : TipEventKind.Note;
                break;
            case TipStep.LinkForeigner:
                var foreigner = command.ForeignerId is { } fid
                    ? await db.Foreigners.Where(f => f.Id == fid).Select(f => new { f.Id, f.Surname, f.GivenNames }).FirstOrDefaultAsync(cancellationToken)
                    : null;
                if (foreigner is null)
                {
                    return "Tips.Error.ForeignerNotFound";
                }

                if (!await db.TipForeignerLinks.AnyAsync(l => l.TipId == tip.Id && l.ForeignerId == foreigner.Id, cancellationToken))
                {
                    db.TipForeignerLinks.Add(new TipForeignerLink { TipId = tip.Id, ForeignerId = foreigner.Id });
                }

                note = $"{foreigner.Surname}, {foreigner.GivenNames}";
                kind = TipEventKind.ForeignerLinked;
                break;
            case TipStep.Close:
                if (command.Outcome is null || note is null)
                {
                    return "Tips.Error.OutcomeRequired";
                }

                tip.Outcome = command.Outcome;
                kind = TipEventKind.Closed;
                break;
            case TipStep.Escalate:
                var operation = command.OperationId is { } operationId
                    ? await db.JointOperations.Where(o => o.Id == operationId).Select(o => new { o.Id, o.KanimId, o.Name }).FirstOrDefaultAsync(cancellationToken)
                    : null;
                if (command.OperationId is not null && operation is null)
                {
                    return "Tips.Error.OperationNotFound";
                }

                var kanimId = operation?.KanimId ?? command.KanimId;
                if (kanimId is null || !await db.Kanims.AnyAsync(k => k.Id == kanimId, cancellationToken) || note is null)
                {
                    return "Tips.Error.EscalationIncomplete";
                }

                tip.EscalatedUtc = nowUtc;
                tip.EscalationKanimId = kanimId;
                tip.OperationId = operation?.Id;
                tip.EscalationNote = note;
                tip.OperationReference = string.IsNullOrWhiteSpace(command.OperationReference) ? null : command.OperationReference.Trim();
                note = operation is null ? note : operation.Name + ": " + note;
                kind = TipEventKind.Escalated;
                break;
            case TipStep.Grade:
                if (command.Reliability is not { } reliability || command.Credibility is not { } credibility
                    || !TipStateMachine.IsValidGrade(reliability, credibility))
                {
                    return "Tips.Error.GradeInvalid";
                }

                tip.SourceReliability = reliability.ToString();
                tip.Credibility = credibility;
                note = $"{reliability}{credibility}" + (note is null ? "" : ": " + note);
                kind = TipEventKind.Graded;
                break;
            case TipStep.Share:
                // Shared only within the tip's office, as assigned: a unit elsewhere would see the reporter's contact.
                if (command.UnitId is not { } unitId || !await new ScopedIds(db).AgencyUnitAsync(unitId, tip.KanimId, cancellationToken))
                {
                    return "Tips.Error.UnitNotFound";
                }

                if (!await db.TipShares.AnyAsync(s => s.TipId == tip.Id && s.AgencyUnitId == unitId, cancellationToken))
                {
                    db.TipShares.Add(new TipShare { TipId = tip.Id, AgencyUnitId = unitId, SharedUtc = nowUtc });
                }

                kind = TipEventKind.Shared;
                note = await db.AgencyUnits.Where(u => u.Id == unitId).Select(u => u.Name).FirstAsync(cancellationToken) + (note is null ? "" : ": " + note);
                break;
            case TipStep.PublicMessage:
                tip.PublicMessage = note;
                kind = TipEventKind.PublicMessage;
                break;
        }

        tip.State = TipStateMachine.After(tip.State, command.Step);
        tip.LastActionUtc = nowUtc;
        db.TipEvents.Add(new TipEvent { TipId = tip.Id, AtUtc = nowUtc, Kind = kind, By = by, Text = note });
        db.ChangeReason = command.Step + (note is null ? "" : ": " + note[..Math.Min(note.Length, 400)]);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static async Task<string?> AssigneeErrorAsync(AppDbContext db, Tip tip, TipCommand command, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (command.UnitId is null && string.IsNullOrWhiteSpace(command.UserId))
        {
            return "Tips.Error.AssigneeRequired";
        }

        if (command.DueUtc is not { } due || due <= nowUtc)
        {
            return "Tips.Error.DueInFuture";
        }

        if (command.UnitId is { } unitId && !await new ScopedIds(db).AgencyUnitAsync(unitId, tip.KanimId, cancellationToken))
        {
            return "Tips.Error.UnitNotFound";
        }

        if (!string.IsNullOrWhiteSpace(command.UserId) && !await db.Users.AnyAsync(u => u.Id == command.UserId && u.KanimId == tip.KanimId, cancellationToken))
        {
            return "Tips.Error.OfficerNotFound";
        }

        return null;
    }
}
