namespace InvestmentPlatform.ServiceDefaults.Correlation;

/// <summary>
/// The id that ties an HTTP request to the messages and consumer logs it causes. It travels as the X-Correlation-Id
/// HTTP header, as MassTransit's CorrelationId and as the X-Correlation-Id message header.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";
    public const string LogProperty = "CorrelationId";

    private static readonly AsyncLocal<Guid?> Ambient = new();

    /// <summary>The correlation id of the request or message being handled on this async flow, if any.</summary>
    public static Guid? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
