using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ParPlatform.Contracts;
using ParPlatform.Contracts.Identity;

namespace ParPlatform.Messaging.Tests;

/// <summary>
/// docs/events.md is the public event catalogue: every event of ParPlatform.Contracts is in it
/// with its exchange, its fields and a JSON example that matches what is published.
/// </summary>
public sealed partial class EventCatalogueTests
{
    private static readonly Assembly Contracts = typeof(IntegrationEvent).Assembly;
    private static readonly Lazy<string> Catalogue = new(() => File.ReadAllText(CataloguePath()));

    /// <summary>Every event type (sealed or not) that derives from IntegrationEvent.</summary>
    private static IEnumerable<Type> EventTypes =>
        Contracts.GetTypes().Where(t => t.IsClass && t.IsSubclassOf(typeof(IntegrationEvent))).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static IEnumerable<Type> PublishedEvents => EventTypes.Where(t => !t.IsAbstract);

    [Fact]
    public void Every_event_is_in_the_catalogue_with_its_exchange()
    {
        Assert.NotEmpty(PublishedEvents);

        var missing = PublishedEvents
            .Where(type => !Mentions(Catalogue.Value, type.Name) || !Mentions(Catalogue.Value, EventNames.ExchangeOf(type)))
            .Select(type => $"{type.FullName} (exchange {EventNames.ExchangeOf(type)})")
            .ToList();

        Assert.True(missing.Count == 0,
            $"docs/events.md must name each event and its exchange; missing: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_contract_lives_in_a_service_namespace_and_every_event_is_a_sealed_record()
    {
        var wrongNamespace = Contracts.GetExportedTypes()
            .Where(t => t != typeof(IntegrationEvent) && !ServiceNamespace().IsMatch(t.Namespace ?? ""))
            .Select(t => t.FullName)
            .ToList();
        var notSealedRecords = EventTypes
            .Where(t => !t.IsSealed || t.GetMethod("<Clone>$") is null)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(wrongNamespace.Count == 0,
            $"Contracts must be in a namespace ParPlatform.Contracts.<Service> (it names the exchange): {string.Join(", ", wrongNamespace)}");
        Assert.True(notSealedRecords.Count == 0,
            $"Events must be sealed records (each type is an exchange of its own): {string.Join(", ", notSealedRecords)}");
    }

    [Fact]
    public void Every_event_section_lists_its_fields_and_its_example_has_exactly_them()
    {
        var problems = new List<string>();
        foreach (var type in PublishedEvents)
        {
            var fields = JsonSerializerOptions.Web.GetTypeInfo(type).Properties.Select(p => p.Name).ToList();
            var section = Section(type.Name);
            if (section is null)
            {
                problems.Add($"{type.Name}: no section headed '{type.Name}'");
                continue;
            }
            var unlisted = fields.Where(f => !section.Contains($"`{f}`", StringComparison.Ordinal)).ToList();
            if (unlisted.Count > 0)
                problems.Add($"{type.Name}: fields not listed: {string.Join(", ", unlisted)}");
            using var example = ExampleOf(section);
            if (example is null)
            {
                problems.Add($"{type.Name}: no ```json example");
                continue;
            }
            var shown = example.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            if (!shown.Order(StringComparer.Ordinal).SequenceEqual(fields.Order(StringComparer.Ordinal), StringComparer.Ordinal))
                problems.Add($"{type.Name}: example has [{string.Join(", ", shown)}], the event has [{string.Join(", ", fields)}]");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void UnitRegistered_serialises_as_the_catalogue_example_shows()
    {
        var registered = new UnitRegistered
        {
            UnitCode = "07192",
            ProvinceCode = "22",
            UnitName = "Đặc khu Vân Đồn",
            Kind = UnitKind.SpecialZone,
            ProvinceName = "Quảng Ninh",
        };
        var section = Section(nameof(UnitRegistered)) ?? throw new Xunit.Sdk.XunitException("docs/events.md has no UnitRegistered section");
        using var example = ExampleOf(section) ?? throw new Xunit.Sdk.XunitException("the UnitRegistered section has no ```json example");
        var documented = example.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();

        // As the outbox stores it (web defaults), and as MassTransit's raw JSON serialiser writes
        // the body from that (its own options: indented, Vietnamese letters unescaped).
        foreach (var options in new[] { JsonSerializerOptions.Web, MassTransit.Serialization.SystemTextJsonMessageSerializer.Options })
        {
            using var written = JsonDocument.Parse(JsonSerializer.Serialize(registered, options));
            var root = written.RootElement;
            Assert.Equal(documented, root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
            Assert.Equal("special-zone", root.GetProperty("kind").GetString());
            Assert.Equal("Đặc khu Vân Đồn", root.GetProperty("unitName").GetString());
            Assert.Equal(registered.EventId, root.GetProperty("eventId").GetGuid());
            Assert.EndsWith("+00:00", root.GetProperty("occurredAt").GetString(), StringComparison.Ordinal);
        }

        // Every kind is named in the section as it is written, and the example uses one of them.
        var kinds = Enum.GetValues<UnitKind>().Select(k => JsonSerializer.Serialize(k, JsonSerializerOptions.Web)).ToList();
        foreach (var kind in kinds)
            Assert.Contains($"`{kind}`", section, StringComparison.Ordinal);
        Assert.Contains(example.RootElement.GetProperty("kind").GetRawText(), kinds);

        // The example is one a reader of the contract accepts, with the documented formats.
        var read = example.Deserialize<UnitRegistered>(JsonSerializerOptions.Web);
        Assert.NotNull(read);
        Assert.Equal(7, read.EventId.Version);
        Assert.Equal(TimeSpan.Zero, read.OccurredAt.Offset);
        Assert.Matches("^[0-9]{5}$", read.UnitCode);
        Assert.Equal("20", read.ProvinceCode);
        Assert.Equal("Lạng Sơn", read.ProvinceName);
    }

    /// <summary>True when <paramref name="name"/> occurs in the text as a whole word (not inside a longer name).</summary>
    private static bool Mentions(string text, string name) =>
        Regex.IsMatch(text, $@"(?<![\w.-]){Regex.Escape(name)}(?![\w-])", RegexOptions.CultureInvariant);

    /// <summary>
    /// The text under the heading that names <paramref name="eventName"/>, up to the next heading
    /// of its level or above (lines inside ``` fences are not headings).
    /// </summary>
    private static string? Section(string eventName)
    {
        var lines = Catalogue.Value.Split('\n');
        var levels = new int[lines.Length]; // heading level of each line, 0 for text
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal))
                fenced = !fenced;
            else if (!fenced && Heading().Match(lines[i]) is { Success: true } heading)
                levels[i] = heading.Groups[1].Value.Length;
        }
        for (var i = 0; i < lines.Length; i++)
        {
            if (levels[i] == 0 || !Mentions(Heading().Match(lines[i]).Groups[2].Value, eventName))
                continue;
            var end = i + 1;
            while (end < lines.Length && (levels[end] == 0 || levels[end] > levels[i]))
                end++;
            return string.Join('\n', lines[i..end]);
        }
        return null;
    }

    private static JsonDocument? ExampleOf(string section)
    {
        var block = JsonBlock().Match(section);
        return block.Success ? JsonDocument.Parse(block.Groups[1].Value) : null;
    }

    private static string CataloguePath()
    {
        var root = typeof(EventCatalogueTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "ParPlatform.RepositoryRoot")?.Value;
        if (root is null || !File.Exists(Path.Combine(root, "ParPlatform.sln")))
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ParPlatform.sln")))
                directory = directory.Parent;
            root = directory?.FullName ?? throw new InvalidOperationException(
                $"No ParPlatform.sln above {AppContext.BaseDirectory}: cannot find docs/events.md");
        }
        return Path.Combine(root, "docs", "events.md");
    }

    [GeneratedRegex(@"^ParPlatform\.Contracts\.[A-Z][A-Za-z0-9]*$")]
    private static partial Regex ServiceNamespace();

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"```json[ \t]*\r?\n(.*?)\r?\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
