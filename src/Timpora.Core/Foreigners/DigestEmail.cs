using System.Globalization;
using Timpora.Core.Tips;

namespace Timpora.Core.Foreigners;

/// <summary>The daily digest as an email to an officer: the counts and where the lists are. Names and passports
/// stay in the application, behind sign-in and the scope filter; mail goes out in the service's working language,
/// as the tips' notices do.</summary>
public static class DigestEmail
{
    public static OutboxEmail For(OfficeDigest digest, string kanimName, string to, DateTime nowUtc)
    {
        var day = digest.Day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        return new OutboxEmail
        {
            To = to,
            Subject = $"Timpora {kanimName}, {day}: {digest.Overstays} overstay, {digest.Expiring} izin tinggal berakhir dalam 30 hari",
            Body = $"Ringkasan harian {kanimName} untuk {day}.\r\n\r\n"
                + $"Orang asing melebihi izin tinggal (overstay): {digest.Overstays}, di antaranya {digest.DeportationProposed} lebih dari 60 hari (usul deportasi dan penangkalan).\r\n"
                + $"Izin tinggal yang berakhir dalam 30 hari: {digest.Expiring}.\r\n\r\n"
                + "Daftar overstay: /Foreigners/Overstays\r\n"
                + "Daftar izin tinggal yang akan berakhir: /Foreigners/Expiring\r\n",
            CreatedUtc = nowUtc,
            NextAttemptUtc = nowUtc,
        };
    }
}
