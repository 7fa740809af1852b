using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ParPlatform.EndToEnd.Tests;

/// <summary>
/// The acceptance scenario of the dossiers service: Tam Thanh's first quarter of 2026 (seed 001,
/// section II.2), rebuilt through the gateway with the ward's own officer — its procedures imported,
/// its 2,057 dossiers imported from its old system — and read back as the statistics table.
/// </summary>
[Collection(SharedPlatform.Name)]
public sealed class TamThanhQuarterTests(PlatformFixture platform)
{
    private const string Dossiers = "/api/v1/units/06112/dossiers";

    [Fact]
    public async Task The_statistics_of_the_quarter_are_the_seed_numbers()
    {
        var token = await platform.AppHost.TokenAsync("tamthanh.canbo");
        var catalogue = "code,name,field,timeLimit\n" + string.Concat(TamThanhQuarter.Procedures.Select(p => $"{p.Code},{p.Name},{p.Field},10\n"));
        using (var imported = await TamThanhQuarter.PostCsvAsync(platform.AppHost, token, $"{Dossiers}/procedures/import", catalogue))
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        using var accepted = await TamThanhQuarter.PostCsvAsync(platform.AppHost, token, $"{Dossiers}/imports", TamThanhQuarter.Csv());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var job = await TamThanhQuarter.WaitForImportAsync(platform.AppHost, token, accepted.Headers.Location!);
        using var response = await platform.AppHost.SendAsync(HttpMethod.Get, $"{Dossiers}/statistics?from=2025-12-01&to=2026-02-28", token);
        var statistics = await response.Content.ReadFromJsonAsync<JsonElement>();
        var total = statistics.GetProperty("total");

        Assert.Equal(("completed", 2057, 2057), (job.GetProperty("status").GetString(), job.GetProperty("totalRows").GetInt32(), job.GetProperty("writtenRows").GetInt32()));
        Assert.Equal(180, total.GetProperty("carriedOver").GetInt64());
        Assert.Equal(1877, total.GetProperty("received").GetProperty("total").GetInt64());
        Assert.Equal(1877, total.GetProperty("received").GetProperty("online").GetInt64());
        Assert.Equal(0, total.GetProperty("received").GetProperty("inPersonOrPostal").GetInt64());
        Assert.Equal(1743, total.GetProperty("resolved").GetProperty("total").GetInt64());
        Assert.Equal(1733, total.GetProperty("resolved").GetProperty("early").GetInt64() + total.GetProperty("resolved").GetProperty("onTime").GetInt64());
        Assert.Equal(10, total.GetProperty("resolved").GetProperty("late").GetInt64());
        Assert.Equal(249, total.GetProperty("pending").GetProperty("total").GetInt64());
        Assert.Equal(248, total.GetProperty("pending").GetProperty("withinDeadline").GetInt64());
        Assert.Equal(1, total.GetProperty("pending").GetProperty("overdue").GetInt64());
        Assert.Equal(65, total.GetProperty("returnedWithdrawnNotEligible").GetInt64());
        Assert.Equal(2057, total.GetProperty("total").GetInt64());
        Assert.Equal(205, total.GetProperty("ratings").GetProperty("total").GetInt64());
        Assert.Equal(203, total.GetProperty("ratings").GetProperty("verySatisfied").GetInt64());
        Assert.Equal(2, total.GetProperty("ratings").GetProperty("satisfied").GetInt64());
        var rates = total.GetProperty("rates");
        Assert.Equal(100m, rates.GetProperty("satisfaction").GetProperty("percent").GetDecimal());
        Assert.Equal(99m, Math.Round(rates.GetProperty("verySatisfied").GetProperty("percent").GetDecimal()));
        Assert.Equal(100m, rates.GetProperty("online").GetProperty("percent").GetDecimal());
        Assert.Equal(99.43m, rates.GetProperty("onTime").GetProperty("percent").GetDecimal()); // 1,733 ÷ 1,743
        // One row per field, in Vietnamese alphabetical order (Đ after D, before H), adding up to the total.
        var fields = statistics.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(["Chứng thực", "Đất đai", "Hộ tịch"], fields.Select(f => f.GetProperty("field").GetString()));
        Assert.Equal(2057, fields.Sum(f => f.GetProperty("total").GetInt64()));
    }
}

/// <summary>Tam Thanh's quarter as its old one-stop system exports it: three procedures and its 2,057 dossiers (seed 001, line 79).</summary>
public static class TamThanhQuarter
{
    public static readonly (string Code, string Name, string Field)[] Procedures =
    [
        ("Q1.HT.01", "Đăng ký khai sinh", "Hộ tịch"),
        ("Q1.CT.01", "Chứng thực bản sao từ bản chính", "Chứng thực"),
        ("Q1.DD.01", "Đăng ký biến động đất đai", "Đất đai"),
    ];

    /// <summary>The columns of <see cref="Csv"/>, for rows added to it.</summary>
    public const string Header = "externalId,procedureCode,channel,applicantReference,receivedAt,dueAt,status,finishedAt,digitised,rating,ratedAt\n";

    /// <summary>
    /// The ward's 2,057 dossiers of the quarter: 180 received in November 2025 and resolved in
    /// December; 1,877 received online from 01/12/2025 to 28/02/2026, of which 1,553 resolved early,
    /// 10 late, 65 returned as not eligible, and 249 still open on 28/02 (finished in March: 248
    /// due in March, 1 due in February); 205 of the resolved rated (203 very satisfied, 2 satisfied); all digitised.
    /// </summary>
    public static string Csv()
    {
        var csv = new StringBuilder(Header);
        var start = new DateTime(2025, 12, 1, 8, 0, 0);
        var rated = 0;
        void Row(int n, string channel, DateTime received, DateTime due, string status, DateTime finished, bool rate)
        {
            var rating = rate ? (rated++ < 203 ? "very-satisfied" : "satisfied") + "," + Local(finished.AddHours(1)) : ",";
            csv.Append(CultureInfo.InvariantCulture,
                $"Q1-{n:D4},{Procedures[n % 3].Code},{channel},BN-{n:D4},{Local(received)},{Local(due)},{status},{Local(finished)},true,{rating}\n");
        }
        var n = 0;
        for (var i = 0; i < 180; i++, n++)
            Row(n, "in-person", new DateTime(2025, 11, 10, 9, 0, 0), new DateTime(2025, 12, 10, 16, 0, 0), "resolved", new DateTime(2025, 12, 3, 10, 0, 0), false);
        for (var i = 0; i < 1877; i++, n++)
        {
            // Spread over the 90 days of the quarter; each outcome within the quarter's last days stays inside it.
            var received = start.AddDays(i % 80);
            if (i < 1553)
                Row(n, "online", received, received.AddDays(7), "result-returned", received.AddDays(2), i < 205);
            else if (i < 1563)
                Row(n, "online", received, received.AddDays(3), "resolved", received.AddDays(6), false);
            else if (i < 1628)
                Row(n, "online", received, received.AddDays(7), "returned-not-eligible", received.AddDays(1), false);
            else if (i < 1876)
                Row(n, "online", new DateTime(2026, 2, 25, 9, 0, 0), new DateTime(2026, 3, 6, 16, 0, 0), "resolved", new DateTime(2026, 3, 4, 10, 0, 0), false);
            else
                Row(n, "online", new DateTime(2026, 2, 10, 9, 0, 0), new DateTime(2026, 2, 24, 16, 0, 0), "resolved", new DateTime(2026, 3, 2, 10, 0, 0), false);
        }
        return csv.ToString();
    }

    public static string Local(DateTime vietnamTime) => vietnamTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static async Task<HttpResponseMessage> PostCsvAsync(TestPlatform platform, string token, string path, string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(csv, Encoding.UTF8, "text/csv"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await platform.Gateway.SendAsync(request);
    }

    /// <summary>The import at <paramref name="location"/> once it is no longer waiting or being written.</summary>
    public static async Task<JsonElement> WaitForImportAsync(TestPlatform platform, string token, Uri location)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var response = await platform.SendAsync(HttpMethod.Get, location.ToString(), token);
            var job = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (job.GetProperty("status").GetString() is not ("queued" or "writing"))
                return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("The import was still waiting or being written after 30 s.");
    }
}
