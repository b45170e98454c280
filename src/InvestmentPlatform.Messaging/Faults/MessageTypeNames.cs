namespace InvestmentPlatform.Messaging.Faults;

/// <summary>
/// Turns MassTransit's wire name of a message type (urn:message:Namespace:Name, with [[…]] for a generic argument, as in
/// Fault&lt;T&gt;) back into the type, so a kept message can be sent again. Only the platform's and MassTransit's own
/// types are resolved.
/// </summary>
public static class MessageTypeNames
{
    private const string Prefix = "urn:message:";

    public static Type? Resolve(string urn) =>
        urn.StartsWith(Prefix, StringComparison.Ordinal) ? Parse(urn[Prefix.Length..]) : null;

    private static Type? Parse(string name)
    {
        var open = name.IndexOf("[[", StringComparison.Ordinal);
        if (open < 0)
            return Find(name);
        if (!name.EndsWith("]]", StringComparison.Ordinal))
            return null;
        var argument = Parse(name[(open + 2)..^2]);
        var generic = Find(name[..open] + "`1");
        return argument is null || generic is null ? null : generic.MakeGenericType(argument);
    }

    private static Type? Find(string name)
    {
        var colon = name.LastIndexOf(':');
        if (colon < 0)
            return null;
        var fullName = $"{name[..colon]}.{name[(colon + 1)..]}";
        return AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && (n.StartsWith("InvestmentPlatform.", StringComparison.Ordinal) || n.StartsWith("MassTransit", StringComparison.Ordinal)))
            .Select(a => a.GetType(fullName))
            .FirstOrDefault(t => t is not null);
    }
}
