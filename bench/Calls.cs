using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace ParPlatform.Bench;

/// <summary>What the overview benchmarks do the same way: sign in, call a route, time warm calls, run SQL, read an option.</summary>
internal static class Calls
{
    /// <summary>An access token of a demo user (password grant of the scripts' client).</summary>
    public static async Task<string> TokenAsync(HttpClient http, string userName)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "parplatform-scripts", ["username"] = userName, ["password"] = "ParPlatform@2026", ["scope"] = "api",
        });
        using var response = await http.PostAsync(new Uri("/connect/token", UriKind.Relative), form);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body.GetProperty("access_token").GetString()! : throw new InvalidOperationException($"No token for {userName}: {body}");
    }

    /// <summary>GETs <paramref name="path"/> with the token; a refusal throws with its body.</summary>
    public static async Task<JsonElement> GetAsync(HttpClient http, string token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"{path}: {body}");
    }

    /// <summary>GETs <paramref name="path"/> until it answers 200 (a service learns of a unit from identity's events), at most 2 minutes.</summary>
    public static async Task WaitForAsync(HttpClient http, string token, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            if (response.IsSuccessStatusCode)
                return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{path} still answers {(int)response.StatusCode} after 2 minutes.");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// The median and 95th percentile of <paramref name="calls"/> calls, after 30 to warm up: .NET optimises a method (its second tier)
    /// once it was called 30 times, and a request's own methods run once per call (with 3 warm-up calls, the province's scorecard took
    /// 90–240 ms in its first ten calls, 55–75 ms after).
    /// </summary>
    public static async Task<(double Median, double P95)> TimeAsync(int calls, Func<Task> call)
    {
        for (var i = 0; i < 30; i++)
            await call();
        var times = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[(calls - 1) / 2], times[(int)Math.Ceiling(0.95 * calls) - 1]);
    }

    public static async Task ExecuteAsync(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The value of <c>--name=value</c> among the arguments, or <paramref name="fallback"/>.</summary>
    public static int Option(string[] args, string name, int fallback) =>
        args.Select(a => a.Split('=', 2)).Where(p => p[0] == "--" + name).Select(p => int.Parse(p[1], CultureInfo.InvariantCulture)).DefaultIfEmpty(fallback).Single();
}
