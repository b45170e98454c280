using InvestmentPlatform.Cli.CommandLine;

return await PlatformCommandLine.RunAsync(args);
