namespace InvestmentPlatform.Alerts.Rules;

/// <summary>Bad input found by the alerts services; the API turns it into ProblemDetails (404, 409 or 422).</summary>
public sealed class AlertsException(int status, string field, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Field { get; } = field;

    public static AlertsException NotFound(string what) => new(404, "id", $"{what} does not exist.");
    public static AlertsException Conflict(string message) => new(409, "id", message);
    public static AlertsException Unprocessable(string field, string message) => new(422, field, message);
}
