using System.Net;
using System.Net.Http.Json;
using ParPlatform.Finance.Apis;
using ParPlatform.Finance.Domain;
using static ParPlatform.Finance.Tests.FinanceFixture;

namespace ParPlatform.Finance.Tests;

/// <summary>
/// Audit recommendations to remit and <c>Finance.AuditRemittanceRate</c>: with none the report says that none arose
/// (Tam Thanh, 001:133), never 0%; remittances dated, no more than remains; bad input named, nothing written.
/// </summary>
public sealed class AuditTests(FinanceFixture finance) : IClassFixture<FinanceFixture>
{
    private static string Path(string unit) => $"/api/v1/units/{unit}/finance/audit-recommendations";

    [Fact]
    public async Task Tam_Thanh_with_none_prints_that_it_was_not_inspected_not_zero_percent()
    {
        var report = (await finance.Reviewer(LangSon).GetFromJsonAsync<AuditReport>($"{Path(TamThanh)}?asOf=2026-03-05", FinanceClient.Json))!;

        Assert.Equal((AuditRecommendation.NoneText, null, AuditReport.AuditRemittanceRate), (report.Text, report.Rate, report.IndicatorCode));
        Assert.Equal("chưa được thanh tra, kiểm toán", report.Text);
    }

    [Fact]
    public async Task Remittances_count_by_their_dates_and_never_exceed_the_recommendation()
    {
        var officer = finance.Officer(ChiLang);
        using var created = await officer.PostAsJsonAsync(Path(ChiLang), new AuditRecommendationInput("Kết luận thanh tra số 12/KL-TTr", new DateOnly(2026, 1, 10), 250m), FinanceClient.Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var recommendation = (await created.Content.ReadFromJsonAsync<AuditRecommendationResponse>(FinanceClient.Json))!;
        var remit = $"{Path(ChiLang)}/{recommendation.Id}/remittances";
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync(remit, new RemittanceInput(new DateOnly(2026, 2, 1), 100m), FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await finance.Chairman(ChiLang).PostAsJsonAsync(remit, new RemittanceInput(new DateOnly(2026, 3, 1), 150m), FinanceClient.Json)).StatusCode);
        var before = (await finance.CountAsync("audit_recommendations"), await finance.CountAsync("audit_remittances"));

        Assert.Contains("millions", (await FinanceClient.ErrorsAsync(await officer.PostAsJsonAsync(remit, new RemittanceInput(new DateOnly(2026, 3, 2), 0.5m), FinanceClient.Json))).Keys);
        Assert.Contains("date", (await FinanceClient.ErrorsAsync(await officer.PostAsJsonAsync($"{Path(ChiLang)}/{recommendation.Id}/remittances", new RemittanceInput(new DateOnly(2026, 1, 9), 1m), FinanceClient.Json))).Keys);
        Assert.Contains("reference", (await FinanceClient.ErrorsAsync(await officer.PostAsJsonAsync(Path(ChiLang), new AuditRecommendationInput(" ", new DateOnly(2026, 1, 10), 1m), FinanceClient.Json))).Keys);
        Assert.Contains("issuedOn", (await FinanceClient.ErrorsAsync(await officer.PostAsJsonAsync(Path(ChiLang), new AuditRecommendationInput("KL 1", null, 1m), FinanceClient.Json))).Keys);
        Assert.Equal(HttpStatusCode.Forbidden, (await finance.Reviewer(LangSon).PostAsJsonAsync(remit, new RemittanceInput(new DateOnly(2026, 3, 2), 1m), FinanceClient.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsJsonAsync($"{Path(ChiLang)}/{Guid.CreateVersion7()}/remittances", new RemittanceInput(new DateOnly(2026, 3, 2), 1m), FinanceClient.Json)).StatusCode);
        Assert.Equal(before, (await finance.CountAsync("audit_recommendations"), await finance.CountAsync("audit_remittances")));

        var february = (await finance.Reviewer(LangSon).GetFromJsonAsync<AuditReport>($"{Path(ChiLang)}?asOf=2026-02-15", FinanceClient.Json))!;
        var march = (await finance.Reviewer(LangSon).GetFromJsonAsync<AuditReport>($"{Path(ChiLang)}?asOf=2026-03-05", FinanceClient.Json))!;
        var january = (await officer.GetFromJsonAsync<AuditReport>($"{Path(ChiLang)}?asOf=2026-01-09", FinanceClient.Json))!;
        Assert.Equal(("100/250 triệu đồng, đạt 40%", "40%"), (february.Text, february.Rate!.Text));
        Assert.Equal(("250/250 triệu đồng, đạt 100%", 100m), (march.Text, march.Rate!.Percent));
        Assert.Equal(AuditRecommendation.NoneText, january.Text);
    }
}
