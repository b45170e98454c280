using InvestmentPlatform.Cli.CommandLine;
using InvestmentPlatform.Cli.Commands;

var commands = new CommandSet("investment-platform");
commands.Add(new FetchCommand());
commands.Add(new CollectCommand());
commands.Add(new QueryCommand());
return await commands.RunAsync(args);
