using InvestmentPlatform.Contracts.Ingestion;

namespace InvestmentPlatform.Data.Series;

/// <summary>
/// One series table, described once: its name, its key and its value columns in order. The EF model, the table of
/// each asset type, both loaders and the bars reader take their shape from here. Names come from this fixed list
/// only, so they are safe to put in SQL.
/// </summary>
public sealed class SeriesTable
{
    /// <summary>The key of every series table, as SQL: interval is part of it so daily and intraday bars never collide.</summary>
    public const string KeySql = "asset_id, \"interval\", \"time\"";

    /// <summary>The key's properties on the entities, in the order of <see cref="KeySql"/>.</summary>
    public static readonly string[] KeyProperties = [nameof(ISeriesEntity.AssetId), nameof(ISeriesEntity.Interval), nameof(ISeriesEntity.Time)];

    public static readonly SeriesTable MarketData = new("market_data", typeof(MarketBar),
    [
        new(nameof(MarketBar.Open), SeriesField.Open), new(nameof(MarketBar.High), SeriesField.High),
        new(nameof(MarketBar.Low), SeriesField.Low), new(nameof(MarketBar.Close), SeriesField.Close),
        new(nameof(MarketBar.AdjClose), SeriesField.AdjClose), new(nameof(MarketBar.Volume), SeriesField.Volume),
        new(nameof(MarketBar.Dividends), SeriesField.Dividends), new(nameof(MarketBar.StockSplits), SeriesField.StockSplits),
    ]);

    public static readonly SeriesTable Forex = new("forex_rates", typeof(ForexRate),
    [
        new(nameof(ForexRate.Open), SeriesField.Open), new(nameof(ForexRate.High), SeriesField.High),
        new(nameof(ForexRate.Low), SeriesField.Low), new(nameof(ForexRate.Close), SeriesField.Close),
    ]);

    /// <summary>Rates and economic values travel in a row's Close (<see cref="SeriesRow"/>).</summary>
    public static readonly SeriesTable Bonds = new("bond_rates", typeof(BondRate), [new(nameof(BondRate.Rate), SeriesField.Close)]);

    public static readonly SeriesTable Economic = new("economic_data", typeof(EconomicObservation),
        [new(nameof(EconomicObservation.Value), SeriesField.Close)]);

    public static readonly IReadOnlyList<SeriesTable> All = [MarketData, Forex, Bonds, Economic];

    private SeriesTable(string name, Type entity, IReadOnlyList<SeriesColumn> columns)
    {
        Name = name;
        Entity = entity;
        Columns = columns;
    }

    public string Name { get; }

    /// <summary>The EF entity a row of this table is.</summary>
    public Type Entity { get; }

    /// <summary>The value columns after the key, in the order the loaders write them.</summary>
    public IReadOnlyList<SeriesColumn> Columns { get; }

    /// <summary>The column that stores <paramref name="field"/>, or null when this table does not keep it.</summary>
    public SeriesColumn? ColumnOf(SeriesField field) => Columns.FirstOrDefault(c => c.Field == field);

    /// <summary>
    /// The column a bar's <paramref name="field"/> reads from: its own, or for open, high and low in a table that keeps one
    /// value (rates, economic values) that value; null for any other field the table does not keep.
    /// </summary>
    public SeriesColumn? BarColumn(SeriesField field) =>
        ColumnOf(field) ?? (field is SeriesField.Open or SeriesField.High or SeriesField.Low ? ColumnOf(SeriesField.Close) : null);

    /// <summary>
    /// A stored record as a row: each value column's field from <paramref name="values"/>, in the order of
    /// <see cref="Columns"/>; a field the table does not keep is 0, or empty where it may be.
    /// </summary>
    public SeriesRow RowOf(DateTime time, IReadOnlyList<double?> values)
    {
        double? Of(SeriesField field)
        {
            for (var i = 0; i < Columns.Count; i++)
                if (Columns[i].Field == field)
                    return values[i];
            return null;
        }
        return new SeriesRow(time, Of(SeriesField.Open) ?? 0, Of(SeriesField.High) ?? 0, Of(SeriesField.Low) ?? 0, Of(SeriesField.Close) ?? 0,
            Of(SeriesField.AdjClose), Of(SeriesField.Volume), Of(SeriesField.Dividends) ?? 0, Of(SeriesField.StockSplits) ?? 0);
    }

    /// <summary>The series table rows of this asset type are stored in.</summary>
    public static SeriesTable For(string assetType) => assetType switch
    {
        AssetTypes.Forex => Forex,
        AssetTypes.Bond => Bonds,
        AssetTypes.EconomicIndicator => Economic,
        _ => MarketData,
    };

    public override string ToString() => Name;
}

/// <summary>A value column of a series table: the entity property, its column name, and the field of a row it stores.</summary>
public sealed record SeriesColumn(string Property, SeriesField Field)
{
    /// <summary>The column's name: the property in snake case, as the model names every column.</summary>
    public string Name { get; } = string.Concat(Property.Select((c, i) =>
        char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    /// <summary>Adjusted close and volume are left empty when a provider has none; the other fields are always set.</summary>
    public bool IsNullable => Field is SeriesField.AdjClose or SeriesField.Volume;

    public double? Read(SeriesRow row) => Field switch
    {
        SeriesField.Open => row.Open,
        SeriesField.High => row.High,
        SeriesField.Low => row.Low,
        SeriesField.Close => row.Close,
        SeriesField.AdjClose => row.AdjClose,
        SeriesField.Volume => row.Volume,
        SeriesField.Dividends => row.Dividends,
        SeriesField.StockSplits => row.StockSplits,
        _ => throw new ArgumentOutOfRangeException(nameof(Field), Field, null),
    };
}

/// <summary>The fields of a <see cref="SeriesRow"/> a series table can store.</summary>
public enum SeriesField
{
    Open,
    High,
    Low,
    Close,
    AdjClose,
    Volume,
    Dividends,
    StockSplits,
}

/// <summary>The key every series entity shares.</summary>
public interface ISeriesEntity
{
    long AssetId { get; }
    string Interval { get; }
    DateTime Time { get; }
}
