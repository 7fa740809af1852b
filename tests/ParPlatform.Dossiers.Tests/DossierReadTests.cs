using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ParPlatform.Dossiers.Tests.DossierRequests;

namespace ParPlatform.Dossiers.Tests;

/// <summary>Reading dossiers: the list and its filters, who may see which unit's dossiers, the tenant scope in the database. Through the service's HTTP API with real tokens, PostgreSQL and RabbitMQ.</summary>
[Collection(DossierApi.Name)]
public sealed class DossierReadTests(DossiersFixture dossiers) : IDisposable
{
    /// <summary>The service's clock is set free again after each test.</summary>
    public void Dispose() => dossiers.Clock.Now = null;

    [Fact]
    public async Task Another_units_officer_gets_404_for_a_dossier_whichever_route_is_asked()
    {
        using var tamThanh = dossiers.Officer("06112");
        var id = (await CreateAsync(tamThanh, await ProcedureAsync(tamThanh, 1), "in-person")).GetProperty("id").GetGuid();
        using var chiLang = dossiers.Officer("06181");

        using var throughTamThanh = await chiLang.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));
        using var throughChiLang = await chiLang.GetAsync(new Uri($"/api/v1/units/06181/dossiers/{id}", UriKind.Relative));
        using var actThroughChiLang = await chiLang.PostAsJsonAsync($"/api/v1/units/06181/dossiers/{id}/actions/start", new { });
        using var history = await chiLang.GetAsync(new Uri($"/api/v1/units/06181/dossiers/{id}/history", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, throughTamThanh.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, throughChiLang.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, actThroughChiLang.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal("received", (await tamThanh.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_reviewer_of_the_province_reads_a_dossier_but_may_not_act_on_it_and_another_provinces_gets_404()
    {
        using var officer = dossiers.Officer("06112");
        var id = (await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person")).GetProperty("id").GetGuid();
        using var langSon = dossiers.Reviewer("20");
        using var lamDong = dossiers.Reviewer("68");

        using var read = await langSon.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));
        using var act = await langSon.PostAsJsonAsync($"{TamThanh}/{id}/actions/start", new { });
        using var create = await langSon.PostAsJsonAsync(TamThanh, new { procedureCode = "x", channel = "in-person", applicantReference = "BN-1" });
        using var otherProvince = await lamDong.GetAsync(new Uri($"{TamThanh}/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(id, (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherProvince.StatusCode);
        Assert.Equal("received", (await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_list_filters_by_status_channel_field_overdue_and_received_date_and_pages()
    {
        using var officer = dossiers.Officer("06112");
        var field = $"Lĩnh vực {Guid.NewGuid():N}"[..20];
        var hourly = await ProcedureAsync(officer, 1, "hours", field: field);
        var daily = await ProcedureAsync(officer, 1, field: field);
        var elsewhere = await ProcedureAsync(officer, 1, "hours");
        dossiers.Freeze(Vn(2026, 11, 9, 8)); // Monday
        var first = await CreateAsync(officer, hourly, "in-person"); // due 09:00
        var second = await CreateAsync(officer, hourly, "postal"); // due 09:00
        await CreateAsync(officer, elsewhere, "in-person");
        dossiers.Freeze(Vn(2026, 11, 10, 8)); // Tuesday
        var third = await CreateAsync(officer, daily, "in-person"); // due Wednesday 08:00
        var online = await CreateAsync(officer, daily, "online");
        foreach (var action in StartAndResolve)
        {
            using var response = await ActAsync(officer, first.GetProperty("id").GetGuid(), action);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        dossiers.Freeze(Vn(2026, 11, 10, 8, 30));

        async Task<List<Guid>> IdsAsync(string query)
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field={Uri.EscapeDataString(field)}&{query}");
            var ids = page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()).ToList();
            Assert.Equal(ids.Count, page.GetProperty("total").GetInt32());
            return ids;
        }
        Guid Id(JsonElement dossier) => dossier.GetProperty("id").GetGuid();

        Assert.Equal([Id(online), Id(third), Id(second), Id(first)], await IdsAsync("pageSize=50"));
        Assert.Equal([Id(third), Id(second)], await IdsAsync("status=received"));
        Assert.Equal([Id(first)], await IdsAsync("status=resolved"));
        Assert.Equal([Id(online)], await IdsAsync("status=registered"));
        Assert.Equal([Id(online)], await IdsAsync("channel=online"));
        Assert.Equal([Id(second)], await IdsAsync("channel=postal"));
        Assert.Equal([Id(third), Id(first)], await IdsAsync("channel=in-person"));
        Assert.Equal([Id(second)], await IdsAsync("overdue=true"));
        Assert.Equal([Id(online), Id(third), Id(first)], await IdsAsync("overdue=false"));
        Assert.Equal([Id(second), Id(first)], await IdsAsync("from=2026-11-09&to=2026-11-09"));
        Assert.Equal([Id(third)], await IdsAsync("from=2026-11-10"));
        Assert.Equal([Id(second), Id(first)], await IdsAsync("to=2026-11-09"));
        Assert.Equal([Id(third)], await IdsAsync("status=received&overdue=false"));
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{Id(second)}")).GetProperty("overdue").GetBoolean());
        Assert.False((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{Id(third)}")).GetProperty("overdue").GetBoolean());

        var page2 = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field={Uri.EscapeDataString(field)}&page=2&pageSize=3");
        Assert.Equal(4, page2.GetProperty("total").GetInt32());
        Assert.Equal(2, page2.GetProperty("pageNumber").GetInt32());
        Assert.Equal(3, page2.GetProperty("pageSize").GetInt32());
        Assert.Equal([Id(first)], page2.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid()));

        using var badStatus = await officer.GetAsync(new Uri($"{TamThanh}?status=done", UriKind.Relative));
        using var badChannel = await officer.GetAsync(new Uri($"{TamThanh}?channel=fax", UriKind.Relative));
        using var badDate = await officer.GetAsync(new Uri($"{TamThanh}?from=09/11/2026", UriKind.Relative));
        Assert.Equal(["status"], await ErrorFieldsAsync(badStatus));
        Assert.Equal(["channel"], await ErrorFieldsAsync(badChannel));
        Assert.Equal(["from"], await ErrorFieldsAsync(badDate));
    }

    [Fact]
    public async Task The_due_soon_list_holds_the_running_dossiers_due_within_so_many_working_days()
    {
        using var officer = dossiers.Officer("06112");
        var field = $"Lĩnh vực {Guid.NewGuid():N}"[..20];
        var oneDay = await ProcedureAsync(officer, 1, field: field);
        var threeDays = await ProcedureAsync(officer, 3, field: field);
        var sevenDays = await ProcedureAsync(officer, 7, field: field);
        var tenDays = await ProcedureAsync(officer, 10, field: field);
        var oneHour = await ProcedureAsync(officer, 1, "hours", field: field);
        dossiers.Freeze(Vn(2026, 11, 13, 8)); // Friday 08:00: a working day is 8 working hours, so Monday 08:00 is one away
        var dueMonday = await CreateAsync(officer, oneDay, "in-person");
        var dueWednesday = await CreateAsync(officer, threeDays, "in-person");
        var dueTuesdayAfter = await CreateAsync(officer, sevenDays, "in-person");
        await CreateAsync(officer, tenDays, "in-person");
        var resolved = await CreateAsync(officer, oneDay, "in-person");
        var paused = await CreateAsync(officer, oneDay, "in-person");
        var overdue = await CreateAsync(officer, oneHour, "in-person"); // due 09:00
        await CreateAsync(officer, oneDay, "online"); // registered: no due date yet
        foreach (var action in StartAndResolve)
            Assert.Equal(HttpStatusCode.OK, (await ActAsync(officer, Id(resolved), action)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(officer, Id(paused), "start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(officer, Id(paused), "request-supplement", new { note = "Thiếu giấy tờ" })).StatusCode);
        dossiers.Freeze(Vn(2026, 11, 13, 10)); // the one-hour dossier is overdue now

        async Task<List<Guid>> DueWithinAsync(int days)
        {
            var page = await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}?field={Uri.EscapeDataString(field)}&dueWithin={days}");
            return [.. page.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("id").GetGuid())];
        }
        static Guid Id(JsonElement dossier) => dossier.GetProperty("id").GetGuid();

        // From Friday 10:00: one working day ends Monday 10:00, three Wednesday 10:00, seven the Tuesday after at 10:00.
        Assert.Equal([Id(dueMonday)], await DueWithinAsync(1));
        Assert.Equal([Id(dueWednesday), Id(dueMonday)], await DueWithinAsync(3));
        Assert.Equal([Id(dueTuesdayAfter), Id(dueWednesday), Id(dueMonday)], await DueWithinAsync(7));
        // Past its due date, the one-hour dossier is on the overdue list instead.
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"{TamThanh}/{Id(overdue)}")).GetProperty("overdue").GetBoolean());

        using var none = await officer.GetAsync(new Uri($"{TamThanh}?dueWithin=0", UriKind.Relative));
        using var tooFar = await officer.GetAsync(new Uri($"{TamThanh}?dueWithin=31", UriKind.Relative));
        Assert.Equal(["dueWithin"], await ErrorFieldsAsync(none));
        Assert.Equal(["dueWithin"], await ErrorFieldsAsync(tooFar));
    }

    [Fact]
    public async Task With_the_scope_set_to_another_unit_no_dossier_of_06112_is_there()
    {
        using var officer = dossiers.Officer("06112");
        await CreateAsync(officer, await ProcedureAsync(officer, 1), "in-person");
        var total = (await officer.GetFromJsonAsync<JsonElement>(TamThanh)).GetProperty("total").GetInt32();

        var fromChiLang = await dossiers.CountTamThanhDossiersAsync("06181", "off");
        var fromEverywhere = await dossiers.CountTamThanhDossiersAsync("06181", "on");
        var fromTamThanh = await dossiers.CountTamThanhDossiersAsync("06112", "off");

        Assert.Equal(0, fromChiLang);
        Assert.True(fromEverywhere > 0);
        Assert.Equal(total, fromEverywhere);
        Assert.Equal(total, fromTamThanh);
    }
}
