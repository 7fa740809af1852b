using System.Text.Json;
using ParPlatform.Messaging.Audit;

namespace ParPlatform.Messaging.Tests;

/// <summary>What the audit log keeps of a change: the fields that differ, before and after, as JSON objects.</summary>
public sealed class AuditChangeTests
{
    private static readonly string[] NewYear = ["2027-01-01"];
    private static readonly string[] NewYearAndReunification = ["2027-01-01", "2027-04-30"];
    private static readonly string[] NoDays = [];
    private static readonly string[] Tags = ["a"];
    private static readonly string[] SameTags = ["a"];
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void An_update_keeps_only_the_fields_that_changed()
    {
        var (before, after, changed) = AuditChange.Between(
            new { Name = "Xã Chi Lăng", Kind = "commune", ProvinceCode = "20" },
            new { Name = "Phường Chi Lăng", Kind = "ward", ProvinceCode = "20" });

        Assert.True(changed);
        Assert.Equal("""{"name":"Xã Chi Lăng","kind":"commune"}""", Json(before));
        Assert.Equal("""{"name":"Phường Chi Lăng","kind":"ward"}""", Json(after));
    }

    [Fact]
    public void Lists_and_nested_objects_are_compared_by_value()
    {
        var (before, after, changed) = AuditChange.Between(
            new { DaysOff = NewYear, MakeUp = NoDays, Q1 = new { From = "01-01", To = "03-14" } },
            new { DaysOff = NewYearAndReunification, MakeUp = NoDays, Q1 = new { From = "01-01", To = "03-14" } });

        Assert.True(changed);
        Assert.Equal("""{"daysOff":["2027-01-01"]}""", Json(before));
        Assert.Equal("""{"daysOff":["2027-01-01","2027-04-30"]}""", Json(after));
    }

    [Fact]
    public void An_update_that_changes_nothing_is_no_change()
    {
        var (before, after, changed) = AuditChange.Between(new { Disabled = true, Tags }, new { Disabled = true, Tags = SameTags });

        Assert.False(changed);
        Assert.Null(before);
        Assert.Null(after);
    }

    [Fact]
    public void A_creation_keeps_every_field_and_an_action_without_values_is_a_change()
    {
        var created = AuditChange.Between(null, new { Name = "Lạng Sơn", Kind = (string?)null });
        var reset = AuditChange.Between(null, null);

        Assert.Equal((null, """{"name":"Lạng Sơn","kind":null}""", true), (Json(created.Before), Json(created.After), created.Changed));
        Assert.Equal((null, null, true), (Json(reset.Before), Json(reset.After), reset.Changed));
    }

    [Fact]
    public void A_field_only_one_side_has_is_a_change_of_it()
    {
        var (before, after, changed) = AuditChange.Between(new { Locked = true }, new { Locked = true, Disabled = false });

        Assert.True(changed);
        Assert.Equal("{}", Json(before));
        Assert.Equal("""{"disabled":false}""", Json(after));
    }

    private static string? Json(JsonElement? element) =>
        element is { } e ? JsonSerializer.Serialize(e, Readable) : null;
}
