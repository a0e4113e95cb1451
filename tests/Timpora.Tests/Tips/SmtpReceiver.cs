using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Timpora.Tests.Tips;

/// <summary>A minimal SMTP server on a loopback port (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), enough for
/// System.Net.Mail to deliver to it. No SMTP server package restores here (SmtpServer is not available).</summary>
public sealed class SmtpReceiver : IAsyncDisposable
{
    /// <summary>Tests that start a host with SMTP configured run one at a time: every such host's outbox worker
    /// sends from the same shared outbox, so two at once would deliver each other's mail to the wrong receiver.</summary>
    public const string Collection = "SMTP outbox";

    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpReceiver()
    {
        listener.Start();
        loop = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public ConcurrentQueue<(string From, string To, string Data)> Messages { get; } = new();

    /// <summary>Waits, bounded, for a message that <paramref name="matches"/>.</summary>
    public async Task<(string From, string To, string Data)?> WaitForAsync(Func<(string From, string To, string Data), bool> matches, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            var found = Messages.FirstOrDefault(matches);
            if (found.To is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        return null;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            string from = "", to = "";
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL":
                        from = line;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to = line;
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End with <CRLF>.<CRLF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token) is { } body && body != ".")
                        {
                            data.AppendLine(body);
                        }

                        Messages.Enqueue((from, to, data.ToString()));
                        await writer.WriteLineAsync("250 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Not implemented");
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
