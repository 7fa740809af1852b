using System.Net;
using ParPlatform.ServiceDefaults;
using ParPlatform.Web.Api;

namespace ParPlatform.Web.Tests.Components;

/// <summary>
/// The dossiers API as a component sees it: a dossier and a procedure to read, and for writes either the answer or the
/// refusal the service would send (a real Refit exception read from a ProblemDetails body).
/// </summary>
internal sealed class FakeDossiersApi : IDossiersApi, IDossierUploadsApi
{
    public List<Dossier> Dossiers { get; } = [];

    public List<Procedure> Procedures { get; } = [new("1.001193", "Đăng ký khai sinh", "Hộ tịch", 1, "days", true)];

    /// <summary>The answer to the next write: a dossier, or an exception to throw.</summary>
    public Func<Task<Dossier>>? NextWrite { get; set; }

    public List<string> Calls { get; } = [];

    /// <summary>The answer to the next import: the accepted job, or an exception to throw.</summary>
    public Func<Task<DossierImportJob>>? NextImport { get; set; }

    /// <summary>The progress read after an import was accepted, one a call (the last one repeated).</summary>
    public Queue<DossierImportJob> Progress { get; } = new();

    public List<DossierImportJob> PastImports { get; } = [];

    public List<Feedback> Feedback { get; } = [];

    /// <summary>The answer to the next write of feedback: the feedback, or an exception to throw.</summary>
    public Func<Task<Feedback>>? NextFeedbackWrite { get; set; }

    public Task<Page<Dossier>> ListAsync(string unitCode, DossierFilter filter, CancellationToken cancellationToken) =>
        Task.FromResult(new Page<Dossier>(Dossiers, 1, 20, Dossiers.Count));

    public Task<Dossier> GetAsync(string unitCode, Guid id, CancellationToken cancellationToken) => Task.FromResult(Dossiers.Single(d => d.Id == id));

    public Task<Dossier> RegisterAsync(string unitCode, NewDossier dossier, CancellationToken cancellationToken)
    {
        Calls.Add($"register {dossier.ProcedureCode} {dossier.ApplicantReference}");
        return NextWrite!();
    }

    public Task<Dossier> ActAsync(string unitCode, Guid id, string action, DossierActionInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"{action} {input.Note}");
        return NextWrite!();
    }

    public Task<Dossier> ApologiseAsync(string unitCode, Guid id, ApologyInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"apology {input.NewDueDate} {input.Reason}");
        return NextWrite!();
    }

    public Task<Dossier> RateAsync(string unitCode, Guid id, RatingInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"rating {input.Rating}");
        return NextWrite!();
    }

    public Task<Page<Feedback>> FeedbackAsync(string unitCode, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        List<Feedback> found = [.. Feedback.Where(f => status is null || f.Status == status)];
        return Task.FromResult(new Page<Feedback>(found, page ?? 1, pageSize ?? 20, found.Count));
    }

    public Task<Feedback> ReceiveFeedbackAsync(string unitCode, NewFeedback feedback, CancellationToken cancellationToken)
    {
        Calls.Add($"receive feedback {feedback.Channel} {feedback.SenderReference} {feedback.Subject}");
        return NextFeedbackWrite!();
    }

    public Task<Feedback> ForwardFeedbackAsync(string unitCode, Guid id, FeedbackForwardInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"forward {input.AgencyCode}");
        return NextFeedbackWrite!();
    }

    public Task<Feedback> ResolveFeedbackAsync(string unitCode, Guid id, FeedbackAnswerInput input, CancellationToken cancellationToken)
    {
        Calls.Add($"resolve {input.Answer}");
        return NextFeedbackWrite!();
    }

    public Task<Feedback> PublishFeedbackAsync(string unitCode, Guid id, CancellationToken cancellationToken)
    {
        Calls.Add("publish");
        return NextFeedbackWrite!();
    }

    public async Task<DossierImportJob> ImportAsync(string unitCode, HttpContent file, CancellationToken cancellationToken)
    {
        Calls.Add($"import {file.Headers.ContentType?.MediaType} {await file.ReadAsStringAsync(cancellationToken)}");
        return await NextImport!();
    }

    public Task<DossierImportJob> ImportJobAsync(string unitCode, Guid id, CancellationToken cancellationToken)
    {
        Calls.Add($"progress {id}");
        return Task.FromResult(Progress.Count > 1 ? Progress.Dequeue() : Progress.Peek());
    }

    public Task<Page<DossierImportJob>> ImportsAsync(string unitCode, string? status, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var found = PastImports.Where(j => status is null || j.Status == status).ToList();
        return Task.FromResult(new Page<DossierImportJob>(found, page ?? 1, pageSize ?? 10, found.Count));
    }

    public static DossierImportJob ImportJob(Guid id, string status, int total, int written, decimal percent) =>
        new(id, status, total, written, 0, percent, new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
            status is "completed" or "failed" ? new DateTimeOffset(2026, 3, 2, 1, 1, 0, TimeSpan.Zero) : null, null);

    public Task<Page<Procedure>> ProceduresAsync(string unitCode, string? q, CancellationToken cancellationToken)
    {
        List<Procedure> found = [.. Procedures.Where(p => string.IsNullOrEmpty(q) || p.Code.StartsWith(q, StringComparison.Ordinal)
            || p.Name.Contains(q, StringComparison.OrdinalIgnoreCase))];
        return Task.FromResult(new Page<Procedure>(found, 1, 20, found.Count));
    }

    public static Dossier Dossier(string status, params string[] allowedActions) => new(
        Guid.CreateVersion7(), null, "1.001193", "Hộ tịch", "in-person", "BN-0001", status, new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.Zero), null, null, false, allowedActions, null, null, null);

    /// <summary>Feedback received on 02/03/2026, in the given status.</summary>
    public static Feedback FeedbackIn(string status) => new(
        Guid.CreateVersion7(), "portal", "Chậm cấp giấy phép xây dựng", "PAKN-0001", status, new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 3, 4, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 23, 1, 0, 0, TimeSpan.Zero), null, null,
        status is "resolved" or "published" ? new DateTimeOffset(2026, 3, 10, 1, 0, 0, TimeSpan.Zero) : null,
        status is "resolved" or "published" ? "Đã cấp giấy phép." : null, status is "resolved" or "published" ? true : null, null, null);

    /// <summary>The exception Refit raises for a ProblemDetails answer of the gateway, as the services write them.</summary>
    public static Task<Dossier> RefusedAsync(HttpStatusCode status, object problem) => Refusals.ThrowAsync<Dossier>(status, problem);
}
