namespace InvestmentPlatform.Analytics.Currencies;

/// <summary>Settings of currency conversion (section <c>Currencies</c>).</summary>
public sealed class CurrencyOptions
{
    public const string Section = "Currencies";

    /// <summary>
    /// How old the last rate before a bar may be. Four days carry a Friday rate over a weekend and a Monday holiday; a
    /// bar further from any rate is refused (422), never converted at a guessed one.
    /// </summary>
    public TimeSpan MaxRateAge { get; set; } = TimeSpan.FromDays(4);
}
