using System.CommandLine;
using InvestmentPlatform.Cli.CommandLine;

namespace InvestmentPlatform.Cli.Remote;

/// <summary>--host and --api-key: collect and query run through a remote platform when a host is named.</summary>
internal sealed class RemoteOptions
{
    private readonly Option<string?> _host = CliOptions.Text("--host",
        $"run through the REST API of the platform at this URL (or {RemotePlatform.HostVariable}) instead of in this process");

    private readonly Option<string?> _apiKey = CliOptions.Text("--api-key",
        $"API key for --host (or {RemotePlatform.KeyVariable}): collect needs the write scope, query read");

    public void AddTo(Command command)
    {
        command.Options.Add(_host);
        command.Options.Add(_apiKey);
    }

    /// <summary>The platform to go through, or null to run embedded.</summary>
    public RemotePlatform? Open(ParseResult parsed) => RemotePlatform.From(parsed.GetValue(_host), parsed.GetValue(_apiKey));
}
