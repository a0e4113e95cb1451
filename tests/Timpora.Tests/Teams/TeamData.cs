using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Demo;
using Timpora.Core.Meetings;
using Timpora.Core.Organisation;
using Timpora.Core.Teams;

namespace Timpora.Tests.Teams;

/// <summary>Uniquely named teams, people, partner accounts and meetings for one test.</summary>
public static class TeamData
{
    public static string Unique() => Guid.NewGuid().ToString("N")[..10];

    public static async Task<Team> AddTeamAsync(TestApp app, string kanim = "Kupang", string area = "53.18", TeamLevel level = TeamLevel.Regency)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync();
        var team = new Team
        {
            Name = "Timpora Uji " + Unique(),
            KanimId = kanimId,
            Level = level,
            AreaCode = area,
            DecreeNumber = "SK-" + Unique(),
            DecreeDate = new DateOnly(2025, 1, 15),
            PeriodStart = new DateOnly(2025, 1, 15),
            PeriodEnd = new DateOnly(2027, 12, 31),
            CreatedUtc = DateTime.UtcNow,
        };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team;
    }

    /// <summary>A new person in a new unit of the agency, so that no other test's team shares the unit.</summary>
    public static async Task<Person> AddPersonAsync(TestApp app, string kanim = "Kupang", string agency = "POLRI", string area = "53.18")
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync();
        var agencyId = await db.Agencies.Where(a => a.Code == agency).Select(a => a.Id).SingleAsync();
        var unit = new AgencyUnit { AgencyId = agencyId, Name = "Satuan Uji " + Unique(), AreaCode = area, KanimId = kanimId };
        db.AgencyUnits.Add(unit);
        await db.SaveChangesAsync();
        var person = new Person { FullName = "Anggota Uji " + Unique(), Position = "Kasat", UnitId = unit.Id, KanimId = kanimId, AreaCode = area, Phone = "0812-1111-2222" };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public static async Task<TeamMember> AddMemberAsync(TestApp app, Team team, Person person, MemberRole role = MemberRole.Member)
    {
        await using var db = app.SystemDb();
        var unitName = await db.AgencyUnits.Where(u => u.Id == person.UnitId).Select(u => u.Name).SingleAsync();
        var member = new TeamMember
        {
            TeamId = team.Id,
            PersonId = person.Id,
            UnitId = person.UnitId,
            UnitName = unitName,
            Role = role,
            FullName = person.FullName,
            Position = person.Position,
            Phone = person.Phone,
            AddedUtc = DateTime.UtcNow,
        };
        db.TeamMembers.Add(member);
        await db.SaveChangesAsync();
        return member;
    }

    /// <summary>A partner-agency account for <paramref name="person"/>, signed in.</summary>
    public static async Task<HttpClient> SignInPartnerAsync(TestApp app, Person person)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var name = "p" + Unique();
            var user = new AppUser { UserName = name, Email = name + "@partner.test", DisplayName = person.FullName, PersonId = person.Id, KanimId = person.KanimId };
            Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.PartnerMember)).Succeeded);
            return await app.SignInAsync(name);
        }
    }

    public static async Task<Meeting> AddMeetingAsync(TestApp app, Team team, DateTime? startUtc = null, params TeamMember[] invited)
    {
        await using var db = app.SystemDb();
        var start = startUtc ?? new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc);
        var meeting = new Meeting
        {
            TeamId = team.Id,
            Kind = MeetingKind.Coordination,
            Title = "Rapat Uji " + Unique(),
            StartUtc = start,
            EndUtc = start.AddHours(3),
            Venue = "Aula Uji",
            CreatedUtc = DateTime.UtcNow,
            Agenda = [new AgendaItem { Number = 1, Title = "Pembukaan" }],
            Invitations = [.. invited.Select(m => new MeetingInvitation { MemberId = m.Id, InvitedUtc = DateTime.UtcNow })],
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting;
    }
}
