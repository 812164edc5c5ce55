using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Halyard.Journal;
using Halyard.Operations.Alerts;
using Halyard.Operations.Control;
using CliRunner = Halyard.Tests.Cli.Cli;

namespace Halyard.Tests.Operations;

/// <summary>The control API of a real live run on the embedded paper exchange: token, status, pause/resume, flatten, cancel-all, metrics.</summary>
[Collection(LiveRunCollection.Name)]
public class ControlApiTests(LiveRunFixture run)
{
    private HttpClient Client(bool token = true)
    {
        var http = new HttpClient { BaseAddress = new Uri(run.Url + "/") };
        if (token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", run.Token);
        }

        return http;
    }

    [Fact]
    public async Task Api_WithoutOrWithAWrongToken_IsRefused()
    {
        using var none = Client(token: false);
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync(new Uri("api/status", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.PostAsync(new Uri("api/flatten", UriKind.Relative), null)).StatusCode);
        none.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, (await none.GetAsync(new Uri("metrics", UriKind.Relative))).StatusCode);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void TokenFile_IsReadableByItsOwnerOnly_AndTheEndpointIsLoopback()
    {
        var mode = File.GetUnixFileMode(Path.Combine(run.Folder, "control.token"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
        Assert.StartsWith("http://127.0.0.1:", run.Url, StringComparison.Ordinal);
        Assert.Equal(64, run.Token.Length);
    }

    [Fact]
    public async Task Status_ViaTheCli_PrintsEachTraderWithCycleEquityGatingAndPositions()
    {
        var (code, output) = await CliRunner.RunAsync("status", "--journal", run.Folder);

        Assert.True(code == 0, output);
        Assert.Contains("embedded paper exchange", output, StringComparison.Ordinal);
        Assert.Contains("t01 (Default)  running", output, StringComparison.Ordinal);
        Assert.Matches(@"cycle \d+ ", output);
        Assert.Contains("gating: ", output, StringComparison.Ordinal);
        Assert.Contains("last error: ", output, StringComparison.Ordinal);
        Assert.Contains("positions", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseThenResume_SwitchTheTraderAndAreJournaledWithWhoAndWhen()
    {
        using var http = Client();
        http.DefaultRequestHeaders.Add("X-Halyard-Who", "alice (test)");

        var paused = await (await http.PostAsync(new Uri("api/traders/t01/pause", UriKind.Relative), null)).Content.ReadFromJsonAsync<ControlResult>();
        var status = await http.GetFromJsonAsync<StatusReport>(new Uri("api/status", UriKind.Relative));
        var resumed = await (await http.PostAsync(new Uri("api/traders/t01/resume", UriKind.Relative), null)).Content.ReadFromJsonAsync<ControlResult>();
        var after = await http.GetFromJsonAsync<StatusReport>(new Uri("api/status", UriKind.Relative));
        var unknown = await http.PostAsync(new Uri("api/traders/nobody/pause", UriKind.Relative), null);

        Assert.True(paused!.Ok);
        var t01 = Assert.Single(status!.Traders);
        Assert.True(t01.Paused);
        Assert.Equal("paused by operator", t01.Gating);
        Assert.True(resumed!.Ok);
        Assert.False(Assert.Single(after!.Traders).Paused);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var journal = ControlJournal.Read(run.Folder);
        Assert.Contains(journal, e => e is { Action: "pause", Target: "t01", Who: "alice (test)", Ok: true });
        Assert.Contains(journal, e => e is { Action: "resume", Target: "t01", Who: "alice (test)", Ok: true });
        await run.Receiver.WaitForAsync(a => a.Kind == AlertKinds.ControlAction && a.Message.Contains("pause by alice", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task FlattenAll_ViaTheCli_PausesClosesReduceOnlyAndVerifiesFlat()
    {
        var (code, output) = await CliRunner.RunAsync("flatten", "--all", "--journal", run.Folder);
        using var http = Client();
        var status = await http.GetFromJsonAsync<StatusReport>(new Uri("api/status", UriKind.Relative));
        await http.PostAsync(new Uri("api/traders/t01/resume", UriKind.Relative), null);

        Assert.True(code == 0, output);
        Assert.Contains("flatten all: ok", output, StringComparison.Ordinal);
        Assert.Contains("verified flat", output, StringComparison.Ordinal);
        Assert.All(status!.Traders, t => Assert.Empty(t.Positions));
        Assert.True(Assert.Single(status.Traders).Paused);
        Assert.Contains(ControlJournal.Read(run.Folder), e => e is { Action: "flatten", Target: "all", Ok: true } && e.Who.EndsWith("(cli)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CancelAll_ViaTheCli_LeavesNoOpenOrder()
    {
        var (code, output) = await CliRunner.RunAsync("cancel-all", "--journal", run.Folder);

        Assert.True(code == 0, output);
        Assert.Contains("cancel_all all: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_InPrometheusFormat_CountCyclesAndShowEquityPerTrader()
    {
        using var http = Client();
        var text = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));

        Assert.Matches("halyard_cycles_total\\{[^}]*trader=\"t01\"[^}]*\\} [1-9]", text);
        Assert.Matches("halyard_equity_USD\\{[^}]*trader=\"t01\"[^}]*\\} [1-9]", text);
        Assert.Contains("halyard_cycle_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("halyard_drawdown", text, StringComparison.Ordinal);
        Assert.Contains("halyard_positions", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheKey_IsNeverInTheLogsTheJournalsTheMetricsOrThePages()
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("halyard paper account")));
        using var http = Client();
        var texts = new List<string>
        {
            await http.GetStringAsync(new Uri("metrics", UriKind.Relative)),
            await http.GetStringAsync(new Uri("api/status", UriKind.Relative)),
            await http.GetStringAsync(new Uri("", UriKind.Relative)),
            await http.GetStringAsync(new Uri("timeline/t01", UriKind.Relative)),
        };
        // The journal's records (cycles.jsonl is held open exclusively by the run: the same lines, serialized), the
        // log file, the control journal and the endpoint file.
        texts.AddRange(run.Cycles.Select(JournalJson.Serialize));
        foreach (var name in new[] { "control.jsonl", "control.json" }.Concat(Directory.GetFiles(run.Folder, "halyard-*.log").Select(Path.GetFileName)).Where(n => File.Exists(Path.Combine(run.Folder, n!))))
        {
            await using var stream = new FileStream(Path.Combine(run.Folder, name!), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            texts.Add(await new StreamReader(stream).ReadToEndAsync());
        }

        Assert.Contains(texts, t => t.Contains("\"event_id\":3010", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(key, t, StringComparison.OrdinalIgnoreCase));
    }
}
