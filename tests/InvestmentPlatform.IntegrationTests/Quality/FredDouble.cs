using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InvestmentPlatform.IntegrationTests.Quality;

/// <summary>
/// A loopback server that answers as FRED does: the series description, and the observations over all real time
/// (ALFRED vintages: each published value with its realtime_start and realtime_end, the current one ending 9999-12-31).
/// The specs change <see cref="Vintages"/> between collections, as FRED's revisions would.
/// </summary>
public sealed class FredDouble : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FredDouble()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    /// <summary>(observation date, value, realtime_start, realtime_end), as FRED lists them: by date, then by real time.</summary>
    public volatile IReadOnlyList<(string Date, string Value, string Start, string End)> Vintages = [];

    /// <summary>The query strings of the observations calls, to check what was asked.</summary>
    public List<string> ObservationQueries { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }
            var path = context.Request.Url!.AbsolutePath;
            var body = path switch
            {
                "/fred/series" => """
                    {"realtime_start":"2024-02-01","realtime_end":"2024-02-01","seriess":[{"id":"GDPREV","realtime_start":"2024-02-01",
                    "realtime_end":"2024-02-01","title":"Revised Test Indicator","observation_start":"2024-01-01","observation_end":"2024-01-31",
                    "frequency":"Daily","frequency_short":"D","units":"Index","units_short":"Index","seasonal_adjustment":"Not Seasonally Adjusted",
                    "seasonal_adjustment_short":"NSA","last_updated":"2024-01-31 15:18:02-06","popularity":1,"notes":"Test series"}]}
                    """,
                "/fred/series/observations" => Observations(context.Request.Url.Query),
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? """{"error_code":404,"error_message":"Not Found"}""");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string Observations(string query)
    {
        lock (ObservationQueries)
            ObservationQueries.Add(query);
        var vintages = Vintages;
        var items = string.Join(",", vintages.Select(v =>
            $$"""{"realtime_start":"{{v.Start}}","realtime_end":"{{v.End}}","date":"{{v.Date}}","value":"{{v.Value}}"}"""));
        return $$"""
            {"realtime_start":"1776-07-04","realtime_end":"9999-12-31","observation_start":"2024-01-01","observation_end":"2024-01-31",
            "units":"lin","output_type":1,"file_type":"json","order_by":"observation_date","sort_order":"asc","count":{{vintages.Count}},
            "offset":0,"limit":100000,"observations":[{{items}}]}
            """;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
