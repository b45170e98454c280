namespace InvestmentPlatform.Alerts.Evaluation;

/// <summary>A kind of rule that time rather than a new bar makes true, checked by <see cref="AlertChecksJob"/>.</summary>
public interface IAlertCheck
{
    /// <returns>How many rules fired.</returns>
    Task<int> RunAsync(CancellationToken ct);
}
