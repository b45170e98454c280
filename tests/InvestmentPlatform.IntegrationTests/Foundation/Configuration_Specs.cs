using InvestmentPlatform.ServiceDefaults;
using System.Diagnostics;
using InvestmentPlatform.Data;
using InvestmentPlatform.Messaging;

namespace InvestmentPlatform.IntegrationTests.Foundation;

public sealed class When_the_configuration_is_bad
{
    [Fact]
    public void Should_name_the_setting_of_a_malformed_connection_string()
    {
        var ex = Assert.Throws<PlatformConfigurationException>(() =>
            DatabaseSettings.Resolve("Host=localhost;Port=notaport", Path.GetTempPath()));
        Assert.StartsWith("ConnectionStrings__Platform is malformed", ex.Message);
    }

    [Fact]
    public void Should_default_to_SQLite_under_the_data_directory()
    {
        var dir = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));
        var settings = DatabaseSettings.Resolve(null, dir);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.Contains(Path.Combine(dir, "platform.db"), settings.ConnectionString);
    }

    [Theory]
    [InlineData(null, BusTransport.InMemory)]
    [InlineData("RabbitMq", BusTransport.RabbitMq)]
    [InlineData("inmemory", BusTransport.InMemory)]
    public void Should_parse_known_transports(string? value, BusTransport expected) =>
        Assert.Equal(expected, MessagingExtensions.ParseTransport(value));

    [Theory]
    [InlineData("ConnectionStrings__Platform", "Host=127.0.0.1;Port=1;Database=x;Timeout=3", "ConnectionStrings__Platform: cannot use PostgreSQL 127.0.0.1:1/x")]
    [InlineData("ConnectionStrings__Platform", "Host=localhost;Port=notaport", "ConnectionStrings__Platform is malformed")]
    [InlineData("Bus__Transport", "Kafka", "Bus__Transport 'Kafka' is not known")]
    [InlineData("Platform__Roles", "api,reporter", "Platform__Roles has unknown role 'reporter'")]
    public async Task Should_stop_the_host_with_one_line_naming_the_setting(string variable, string value, string expected)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "InvestmentPlatform.Host.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.Environment[variable] = value;
        info.Environment["urls"] = "http://127.0.0.1:0";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // A start takes 2-4 s; the margin is for a machine busy with other test processes. A host still running past
        // it is killed, so no stray process outlives the spec, and its log up to that moment is the evidence.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Assert.Fail($"The host did not stop within 120 s. Its output:\n{await stdout}\n{await stderr}");
        }

        Assert.Equal(2, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains(expected, line);
    }
}
