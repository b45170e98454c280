using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Commands;

var commands = new CommandSet("investment-platform");
commands.Add(new FetchCommand());
return await commands.RunAsync(args);
