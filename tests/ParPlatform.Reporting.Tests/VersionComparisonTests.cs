using System.Text.Json;
using ParPlatform.Reporting.Domain;

namespace ParPlatform.Reporting.Tests;

/// <summary>What a reviewer sees changed between two versions: values by path, list items matched by their key, not their place.</summary>
public sealed class VersionComparisonTests
{
    [Fact]
    public void A_section_moved_in_the_list_is_the_same_section_and_only_changed_values_are_listed()
    {
        using var before = JsonDocument.Parse("""{"narrative":[{"key":"I","text":"A"},{"key":"V","text":"B"}],"dossiers":{"received":{"total":1}},"due":null}""");
        using var after = JsonDocument.Parse("""{"narrative":[{"key":"V","text":"B"},{"key":"I","text":"A2"}],"dossiers":{"received":{"total":2}},"due":"2026-03-05"}""");

        var changes = VersionComparison.Compare(before.RootElement, after.RootElement);

        Assert.Equal(
            [
                new VersionChange("dossiers.received.total", "1", "2"),
                new VersionChange("due", null, "2026-03-05"),
                new VersionChange("narrative[I].text", "A", "A2"),
            ],
            changes);
    }
}
