namespace InvestmentPlatform.Alerts.Rules;

/// <summary>Bad input found by the alerts services; the API turns it into ProblemDetails (404 or 422).</summary>
public sealed class AlertsException(bool notFound, string field, string message) : Exception(message)
{
    public bool IsNotFound { get; } = notFound;
    public string Field { get; } = field;

    public static AlertsException NotFound(string what) => new(true, "id", $"{what} does not exist.");
    public static AlertsException Unprocessable(string field, string message) => new(false, field, message);
}
