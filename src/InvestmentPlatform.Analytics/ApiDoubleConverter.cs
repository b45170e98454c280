using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InvestmentPlatform.Analytics;

/// <summary>
/// Writes every double the API answers with at most 15 significant digits: the most a double always holds exactly. So
/// arithmetic noise (0.1 + 0.2 = 0.30000000000000004, a converted price's last bits) never reaches a client, and a value
/// stored or sent with up to 15 digits comes back exactly as it went in. Reading is unchanged: a number, or a numeric
/// string where the options allow one. Results stored to be served later (analytics and replay results) are written
/// with it too, so a stored answer equals the direct one.
/// </summary>
public sealed class ApiDoubleConverter : JsonConverter<double>
{
    public const string Format = "G15";

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || (options.NumberHandling & JsonNumberHandling.AllowReadingFromString) == 0)
            return reader.GetDouble();
        return double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException("The value is not a number.");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[32];
        if (double.IsFinite(value) && value.TryFormat(text, out var written, Format, CultureInfo.InvariantCulture))
            writer.WriteRawValue(text[..written], skipInputValidation: true);
        else
            writer.WriteNumberValue(value);
    }
}
