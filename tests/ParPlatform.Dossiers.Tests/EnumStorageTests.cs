using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParPlatform.Contracts.Dossiers;
using ParPlatform.Contracts.Identity;
using ParPlatform.Dossiers.Data;
using ParPlatform.Dossiers.Domain;
using ParPlatform.SharedKernel.Calendar;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// The names the dossiers database holds for each enum, and that the statistics SQL counts each stored
/// channel, timeliness and rating in its own column (a literal that matches no stored name would zero it).
/// </summary>
public sealed class EnumStorageTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>, IDisposable
{
    public void Dispose() => dossiers.Clock.Now = null;

    /// <summary>What the rows of dossiersdb hold, written out by hand.</summary>
    private static readonly Dictionary<Type, string[]> StoredNames = new()
    {
        [typeof(TimeLimitUnit)] = ["WorkingDays", "WorkingHours"],
        [typeof(OnlineLevel)] = ["Full", "Partial", "None"],
        [typeof(DossierChannel)] = ["Online", "InPerson", "Postal"],
        [typeof(DossierStatus)] =
        [
            "Registered", "Received", "Refused", "Processing", "SupplementRequested", "FeesRequested", "WithdrawalRequested", "Stopped",
            "ReturnedNotEligible", "Resolved", "ResultReturned",
        ],
        [typeof(DossierAction)] =
        [
            "Receive", "Refuse", "Start", "RequestSupplement", "Supplement", "RequestFees", "PayFees", "RequestWithdrawal", "Stop",
            "ReturnNotEligible", "Resolve", "ReturnResult",
        ],
        [typeof(Timeliness)] = ["Early", "OnTime", "Late"],
        [typeof(DossierReturnReason)] = ["NotEligible", "Withdrawn"],
        [typeof(DossierRating)] = ["VerySatisfied", "Satisfied", "NotSatisfied"],
        [typeof(FeedbackChannel)] = ["Portal", "InPerson"],
        [typeof(FeedbackStatus)] = ["Received", "Forwarded", "Resolved", "Published"],
        [typeof(ImportStatus)] = ["Queued", "Writing", "Completed", "Failed"],
        [typeof(UnitKind)] = ["Ward", "Commune", "SpecialZone"],
    };

    [Fact]
    public void Every_enum_column_stores_its_member_names_in_a_column_wide_enough()
    {
        using var scope = dossiers.Service.Services.CreateScope();
        EnumColumns.AssertStoredByName(scope.ServiceProvider.GetRequiredService<DossiersDbContext>(), StoredNames);
    }

    /// <summary>
    /// Six dossiers of 06112 through the API, each channel, timeliness and rating a different number of times
    /// (1, 2, 3), so a literal matching nothing, or another member's name, shows in the counts.
    /// </summary>
    [Fact]
    public async Task The_statistics_count_each_stored_channel_timeliness_and_rating_in_its_column()
    {
        using var officer = dossiers.Officer("06112");
        var code = await ProcedureAsync(officer, 2);
        var received = Vn(2026, 3, 2, 9); // a Monday
        dossiers.Freeze(received);
        var plan = new (string Channel, string Timeliness, string Rating)[]
        {
            ("online", "early", "very-satisfied"),
            ("in-person", "on-time", "satisfied"),
            ("in-person", "on-time", "satisfied"),
            ("postal", "late", "not-satisfied"),
            ("postal", "late", "not-satisfied"),
            ("postal", "late", "not-satisfied"),
        };
        var created = new List<(Guid Id, string Timeliness, string Rating)>();
        DateTimeOffset due = default;
        foreach (var (channel, timeliness, rating) in plan)
        {
            var dossier = await CreateAsync(officer, code, channel);
            var id = dossier.GetProperty("id").GetGuid();
            if (dossier.GetProperty("status").GetString() == "registered")
                dossier = await ActAsync(officer, id, "receive", HttpStatusCode.OK);
            due = dossier.GetProperty("dueAt").GetDateTimeOffset();
            await ActAsync(officer, id, "start", HttpStatusCode.OK);
            created.Add((id, timeliness, rating));
        }

        // Early the same day, on time on the due date, late the working day after it.
        var resolveAt = new Dictionary<string, DateTimeOffset> { ["early"] = received.AddHours(1), ["on-time"] = due, ["late"] = due.AddDays(1) };
        foreach (var timeliness in resolveAt.Keys)
        {
            dossiers.Freeze(resolveAt[timeliness]);
            foreach (var (id, _, rating) in created.Where(c => c.Timeliness == timeliness))
            {
                var resolved = await ActAsync(officer, id, "resolve", HttpStatusCode.OK);
                Assert.Equal(timeliness, resolved.GetProperty("timeliness").GetString());
                using var rated = await RateAsync(officer, id, rating);
                Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
            }
        }

        using var response = await officer.GetAsync(new Uri("/api/v1/units/06112/dossiers/statistics?from=2026-03-01&to=2026-03-31", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var total = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total");
        string Counts(string group, params string[] columns) =>
            $"{group}: " + string.Join(" ", columns.Select(c => $"{c}={total.GetProperty(group).GetProperty(c).GetInt64()}"));
        Assert.Equal("received: online=1 inPersonOrPostal=5", Counts("received", "online", "inPersonOrPostal"));
        Assert.Equal("resolved: early=1 onTime=2 late=3", Counts("resolved", "early", "onTime", "late"));
        Assert.Equal("ratings: verySatisfied=1 satisfied=2 notSatisfied=3", Counts("ratings", "verySatisfied", "satisfied", "notSatisfied"));
    }

    private static async Task<JsonElement> ActAsync(HttpClient officer, Guid id, string action, HttpStatusCode expected)
    {
        using var response = await DossierRequests.ActAsync(officer, id, action);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{action}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
