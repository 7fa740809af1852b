using System.Reflection;
using System.Text.Json;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Identity;
using ParPlatform.SharedKernel.Calendar;

namespace ParPlatform.SharedKernel.Tests;

/// <summary>The one enum naming rule: the names clients use, written out by hand, and the names databases store.</summary>
public sealed class EnumNamesTests
{
    [Fact]
    public void A_client_name_is_the_kebab_case_of_the_member_unless_the_member_names_itself()
    {
        var problems = new List<string>();
        Check(problems, (DossierChannel.Online, "online"), (DossierChannel.InPerson, "in-person"), (DossierChannel.Postal, "postal"));
        Check(problems, (DossierTimeliness.Early, "early"), (DossierTimeliness.OnTime, "on-time"), (DossierTimeliness.Late, "late"));
        Check(problems,
            (DossierRating.VerySatisfied, "very-satisfied"), (DossierRating.Satisfied, "satisfied"), (DossierRating.NotSatisfied, "not-satisfied"));
        Check(problems, (DossierReturnReason.NotEligible, "not-eligible"), (DossierReturnReason.Withdrawn, "withdrawn"));
        Check(problems, (FeedbackChannel.Portal, "portal"), (FeedbackChannel.InPerson, "in-person"));
        Check(problems, (UnitKind.Ward, "ward"), (UnitKind.Commune, "commune"), (UnitKind.SpecialZone, "special-zone"));
        Check(problems, (Timeliness.Early, "early"), (Timeliness.OnTime, "on-time"), (Timeliness.Late, "late"));
        Check(problems, (TimeLimitUnit.WorkingDays, "days"), (TimeLimitUnit.WorkingHours, "hours")); // [JsonStringEnumMemberName]
        Assert.Empty(problems);
    }

    /// <summary>Names compare ordinally, whole: no other spelling, case or padding, and not the kebab of a member that names itself.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("InPerson")]
    [InlineData("In-Person")]
    [InlineData("in-person ")]
    [InlineData("in_person")]
    [InlineData("1")]
    public void Any_other_text_names_no_channel(string? text) => Assert.Null(EnumNames.Parse<DossierChannel>(text));

    [Theory]
    [InlineData("working-hours")]
    [InlineData("WorkingHours")]
    [InlineData("Hours")]
    public void A_member_that_names_itself_answers_to_that_name_only(string text) => Assert.Null(EnumNames.Parse<TimeLimitUnit>(text));

    [Fact]
    public void The_list_for_error_messages_is_every_client_name_in_declaration_order() =>
        Assert.Equal(["very-satisfied", "satisfied", "not-satisfied"], EnumNames.All<DossierRating>());

    [Fact]
    public void A_database_stores_the_member_name_and_reads_it_back()
    {
        Assert.Equal("InPerson", EnumNames.Stored(DossierChannel.InPerson));
        Assert.Equal("WorkingHours", EnumNames.Stored(TimeLimitUnit.WorkingHours));
        Assert.Null(EnumNames.Stored((DossierRating?)null));
        Assert.Equal("NotSatisfied", EnumNames.Stored((DossierRating?)DossierRating.NotSatisfied));
        Assert.Equal("'OnTime'", EnumNames.SqlLiteral(DossierTimeliness.OnTime));
        Assert.Equal(UnitKind.SpecialZone, EnumNames.FromStored<UnitKind>("SpecialZone"));
        Assert.Throws<InvalidOperationException>(() => EnumNames.FromStored<UnitKind>("special-zone"));
    }

    [Fact]
    public void A_value_no_member_has_has_no_name()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumNames.Name((DossierChannel)7));
        Assert.Throws<ArgumentOutOfRangeException>(() => EnumNames.Stored((DossierChannel)7));
    }

    /// <summary>The statistics SQL compares timeliness with DossierTimeliness' names; the dossiers service stores Timeliness.</summary>
    [Fact]
    public void Both_timeliness_enums_store_the_same_names() =>
        Assert.Equal(Enum.GetNames<DossierTimeliness>(), Enum.GetNames<Timeliness>());

    /// <summary>Every enum of the event catalogue is written in JSON as EnumNames names it, and read back; numbers are refused.</summary>
    [Fact]
    public void Every_contract_enum_is_written_in_JSON_with_its_client_name()
    {
        var enums = typeof(DossierChannel).Assembly.GetTypes().Where(t => t.IsEnum).ToList();
        Assert.Contains(typeof(DossierChannel), enums);
        var problems = new List<string>();
        var check = typeof(EnumNamesTests).GetMethod(nameof(CheckJson), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in enums)
            check.MakeGenericMethod(type).Invoke(null, [problems]);
        Assert.Empty(problems);
    }

    private static void CheckJson<TEnum>(List<string> problems) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            var json = JsonSerializer.Serialize(value);
            if (json != $"\"{EnumNames.Name(value)}\"")
                problems.Add($"{typeof(TEnum).Name}.{value}: JSON {json}, EnumNames \"{EnumNames.Name(value)}\"");
            if (!JsonSerializer.Deserialize<TEnum>(json).Equals(value))
                problems.Add($"{typeof(TEnum).Name}.{value}: {json} reads back as another member");
        }
        try
        {
            JsonSerializer.Deserialize<TEnum>("1");
            problems.Add($"{typeof(TEnum).Name}: the number 1 is read");
        }
        catch (JsonException)
        {
        }
    }

    private static void Check<TEnum>(List<string> problems, params (TEnum Member, string Name)[] rows) where TEnum : struct, Enum
    {
        var type = typeof(TEnum).Name;
        if (!rows.Select(r => r.Member).SequenceEqual(Enum.GetValues<TEnum>()))
            problems.Add($"{type}: the table does not list every member in order");
        foreach (var (member, name) in rows)
        {
            if (EnumNames.Name(member) != name)
                problems.Add($"{type}.{member}: named \"{EnumNames.Name(member)}\", not \"{name}\"");
            if (!Equals(EnumNames.Parse<TEnum>(name), member))
                problems.Add($"{type}: \"{name}\" reads as {EnumNames.Parse<TEnum>(name)?.ToString() ?? "nothing"}");
        }
        if (!EnumNames.All<TEnum>().SequenceEqual(rows.Select(r => r.Name)))
            problems.Add($"{type}: lists {string.Join(", ", EnumNames.All<TEnum>())}");
    }
}
