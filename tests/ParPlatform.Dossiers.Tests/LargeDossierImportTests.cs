using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using ParPlatform.Dossiers.Jobs;
using ParPlatform.TestSupport;
using static ParPlatform.Dossiers.Tests.DossierImports;

namespace ParPlatform.Dossiers.Tests;

/// <summary>
/// Large imports: the upload staged in the database as it is read (nothing staged from a bad file), written from the
/// staged rows in pages (events as before), kept and written once across a restart, and at most two received at once.
/// </summary>
public sealed class LargeDossierImportTests(DossiersFixture dossiers) : IClassFixture<DossiersFixture>
{
    [Fact]
    public async Task A_large_file_is_written_once_from_its_staged_rows_in_events_of_500_and_leaves_no_staged_row()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var first = await ImportAsync(officer, Csv(prefix, procedure, 1_200));

        // 25,000 rows, the first 1,200 already there: three pages of rows to write, 23,800 dossiers to publish.
        var job = await ImportAsync(officer, Csv(prefix, procedure, 25_000));
        var (events, recorded) = await RecordedAsync(dossiers.Database, Id(job));

        Assert.Equal(("completed", 1_200, 1_200, 0), Summary(first));
        Assert.Equal(("completed", 25_000, 23_800, 1_200), Summary(job));
        Assert.Equal(100m, job.GetProperty("percent").GetDecimal());
        Assert.Equal(25_000, await CountAsync(dossiers.Database, $"{prefix}-%"));
        // Whole events of 500 across the pages, the rest in the last: as when the file was written in one piece.
        Assert.Equal([.. Enumerable.Repeat(500, 47), 300], events.Select(e => e.GetProperty("dossiers").GetArrayLength()));
        Assert.Equal(23_800, recorded.Select(d => d.GetProperty("dossierId").GetGuid()).Distinct().Count());
        Assert.Equal(0, await StagedAsync(dossiers.Database));
    }

    [Fact]
    public async Task A_bad_last_row_of_a_large_file_is_a_400_and_nothing_is_staged_or_written()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var csv = Csv(prefix, procedure, 24_999) + $"{prefix}-last,{procedure},fax,BN-last,2026-01-05 08:00,,,,,\n";

        using var response = await PostAsync(officer, csv);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, problem.GetProperty("problemCount").GetInt32());
        var row = Assert.Single(problem.GetProperty("rows").EnumerateArray());
        Assert.Equal((25_001, "channel"), (row.GetProperty("row").GetInt32(), row.GetProperty("column").GetString()));
        Assert.Equal(0, await CountAsync(dossiers.Database, $"{prefix}-%"));
        Assert.Equal(0, await StagedAsync(dossiers.Database));
    }

    [Fact]
    public async Task A_third_upload_while_two_are_being_received_is_a_429_with_retry_after_and_the_two_are_written()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        var rest = new TaskCompletionSource();
        // Two uploads that send their first rows, then wait: both are being received (by a client that does not buffer a body to redirect it).
        using var streaming = dossiers.Service.CreateClient(new() { AllowAutoRedirect = false });
        streaming.DefaultRequestHeaders.Authorization = officer.DefaultRequestHeaders.Authorization;
        var slow = Enumerable.Range(0, 2).Select(i =>
        {
            var csv = Csv($"{prefix}{i}", procedure, 100);
            return streaming.PostAsync($"{Unit}/imports", new HeldContent(csv[..(csv.Length / 2)], csv[(csv.Length / 2)..], rest.Task));
        }).ToList();

        // Both are received: each has its first rows in its staging COPY, waiting for the rest.
        var copying = 0L;
        for (var attempt = 0; attempt < 100 && (copying = await StagingCopiesAsync()) < 2; attempt++)
            await Task.Delay(100);
        if (copying < 2)
            rest.SetResult(); // let them end
        Assert.Equal(2, copying);

        // A file with no row, a 400 had it been received.
        using (var third = await PostAsync(officer, Header + "\n"))
        {
            var problem = await third.Content.ReadFromJsonAsync<JsonElement>();
            rest.SetResult();
            var written = await Task.WhenAll(slow.Select(async s => await WaitAsync(officer, await s)));

            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), third.Headers.RetryAfter?.Delta);
            Assert.Equal("Đang nhận 2 tệp hồ sơ; gửi lại tệp sau 30 giây.", problem.GetProperty("detail").GetString());
            Assert.All(written, job => Assert.Equal(("completed", 100, 100, 0), Summary(job)));
        }
        // Their places are given back.
        Assert.Equal(("completed", 10, 10, 0), Summary(await ImportAsync(officer, Csv($"{prefix}2", procedure, 10))));
    }

    [Fact]
    public async Task An_accepted_import_is_kept_across_a_restart_and_written_once_with_its_progress_reported()
    {
        using var officer = dossiers.Officer("24778");
        var procedure = await ProcedureAsync(officer);
        var prefix = Guid.NewGuid().ToString("N")[..8];
        // A dossier of the file's second page being added, not committed: writing that page will wait for it.
        await using var blocker = await TenantConnections.OpenAllTenantsAsync(dossiers.Database);
        await using var blocking = await blocker.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO dossiers.dossiers (id, unit_code, province_code, external_id, procedure_code, field, channel, applicant_reference,
                time_limit_amount, time_limit_unit, has_fee, status, registered_at, paused_time, supplement_requests, electronic_result,
                digitised, paid_online, updated_at)
            VALUES (gen_random_uuid(), '24778', '68', @externalId, @procedure, 'Chứng thực', 'Online', 'BN', 2, 'WorkingDays', false,
                'Received', now(), interval '0', 0, false, false, false, now())
            """, blocker, blocking))
        {
            insert.Parameters.AddWithValue("externalId", $"{prefix}-11000");
            insert.Parameters.AddWithValue("procedure", procedure);
            await insert.ExecuteNonQueryAsync();
        }

        // An instance that accepts the file and stops before it writes it (its worker never runs).
        Guid id;
        await using (var stopped = dossiers.Instance(services =>
            services.Remove(services.Single(s => s.ImplementationType == typeof(DossierImportWorker)))))
        {
            using var stoppedOfficer = dossiers.Officer("24778", stopped);
            using var accepted = await PostAsync(stoppedOfficer, Csv(prefix, procedure, 12_000));
            var queued = await accepted.Content.ReadFromJsonAsync<JsonElement>();
            id = Id(queued);

            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            Assert.Equal(("queued", 12_000, 0, 0), Summary(queued));
            Assert.Equal(0m, queued.GetProperty("percent").GetDecimal());
            Assert.Equal(12_000, await StagedAsync(dossiers.Database));
        }
        // As an instance stopped while writing it leaves it: writing, its transaction gone.
        await using (var crashed = await TenantConnections.OpenAllTenantsAsync(dossiers.Database))
        await using (var writing = new NpgsqlCommand("UPDATE dossiers.dossier_imports SET status = 'Writing', written_rows = 5000 WHERE id = @id", crashed))
        {
            writing.Parameters.AddWithValue("id", id);
            await writing.ExecuteNonQueryAsync();
        }

        await using var restarted = dossiers.Instance(_ => { });
        using var restartedOfficer = dossiers.Officer("24778", restarted);
        // Written again from the start: the first page's 10,000 rows gone through, the second waiting for the blocker.
        JsonElement job;
        var polls = 0;
        while ((job = await restartedOfficer.GetFromJsonAsync<JsonElement>($"{Unit}/imports/{id}")).GetProperty("writtenRows").GetInt32() != 10_000
            && ++polls < 300)
        {
            await Task.Delay(100);
        }
        Assert.Equal(("writing", 12_000, 10_000, 0), Summary(job));
        Assert.Equal(83.3m, job.GetProperty("percent").GetDecimal());
        Assert.Equal(0, await CountAsync(dossiers.Database, $"{prefix}-%")); // not committed: nothing is visible
        await blocking.RollbackAsync();

        using var location = new HttpResponseMessage(HttpStatusCode.Accepted) { Headers = { Location = new Uri($"{Unit}/imports/{id}", UriKind.Relative) } };
        var completed = await WaitAsync(restartedOfficer, location);
        var (events, recorded) = await RecordedAsync(dossiers.Database, id);

        Assert.Equal(("completed", 12_000, 12_000, 0), Summary(completed));
        Assert.Equal(12_000, await CountAsync(dossiers.Database, $"{prefix}-%"));
        Assert.Equal(24, events.Count);
        Assert.Equal(12_000, recorded.Select(d => d.GetProperty("dossierId").GetGuid()).Distinct().Count());
        Assert.Equal(0, await StagedAsync(dossiers.Database));
    }

    /// <summary>The uploads whose rows are being copied into staging now (the service's sessions, seen by its own role).</summary>
    private async Task<long> StagingCopiesAsync()
    {
        await using var connection = new NpgsqlConnection(dossiers.Database);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY staged_chunk %'", connection);
        return (long)(await query.ExecuteScalarAsync())!;
    }

    /// <summary>A CSV body sent in two parts, the second once <c>rest</c> completes.</summary>
    private sealed class HeldContent : HttpContent
    {
        private readonly string _first;
        private readonly string _second;
        private readonly Task _rest;

        public HeldContent(string first, string second, Task rest)
        {
            (_first, _second, _rest) = (first, second, rest);
            Headers.ContentType = new("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_first));
            await stream.FlushAsync();
            await _rest;
            await stream.WriteAsync(Encoding.UTF8.GetBytes(_second));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
