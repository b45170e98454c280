namespace InvestmentPlatform.ServiceDefaults;

/// <summary>Bad or unusable configuration; hosts print its message as one line and exit non-zero.</summary>
public sealed class PlatformConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
