using Microsoft.AspNetCore.Identity;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Tips;
using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Pages.Admin.Users;

/// <summary>The one-time link with which a person sets their own password: a new account's first, or after a reset.
/// The token is Identity's password-reset token (DataProtection, its lifespan set in Services); it holds the account's
/// security stamp, so setting the password (which renews the stamp) or a newer link spends it. It is shown once to the
/// administrator and never stored, except in the outbox email when SMTP is configured.</summary>
public sealed class PasswordLinks(UserManager<AppUser> users, AppDbContext db, SmtpOptions smtp, TimeProvider clock)
{
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(72);

    /// <summary>A new link for <paramref name="user"/>; any earlier link stops working (the stamp changes first).</summary>
    public async Task<string> NewLinkAsync(AppUser user, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(request);
        AccountEditing.Check(await users.UpdateSecurityStampAsync(user));
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{request.Scheme}://{request.Host}{request.PathBase}/Account/SetPassword?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        if (smtp.Enabled && !string.IsNullOrWhiteSpace(user.Email))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.OutboxEmails.Add(new OutboxEmail
            {
                To = user.Email,
                Subject = "Timpora: buat kata sandi akun Anda",
                Body = $"Akun Timpora \"{user.UserName}\" untuk {user.DisplayName} siap.\r\n\r\n"
                    + $"Buat kata sandi Anda melalui tautan ini (berlaku 72 jam, satu kali pakai):\r\n{link}\r\n",
                CreatedUtc = now,
                NextAttemptUtc = now,
            });
            await db.SaveChangesAsync();
        }

        return link;
    }
}
