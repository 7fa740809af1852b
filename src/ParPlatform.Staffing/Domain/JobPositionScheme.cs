using ParPlatform.Contracts.Staffing;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Staffing.Domain;

/// <summary>
/// An agency's job-position scheme (đề án vị trí việc làm): reviewed, and approved (on a date, by a decision). A flag per
/// agency, recorded again as it moves on. Tenant-owned row, one per unit and agency.
/// </summary>
public sealed class JobPositionScheme : Aggregate
{
    private JobPositionScheme()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string AgencyCode { get; private set; } = null!;

    public bool Reviewed { get; private set; }

    public bool Approved { get; private set; }

    public DateOnly? ApprovedOn { get; private set; }

    public string? Decision { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public override string EventKey() => $"job-positions:{UnitCode}:{AgencyCode}";

    public static JobPositionScheme Of(string unitCode, string provinceCode, string agencyCode) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, AgencyCode = agencyCode };

    /// <summary>Records the scheme's state: approved only once reviewed, with the date of its approval (and only then).</summary>
    public void Record(bool reviewed, bool approved, DateOnly? approvedOn, string? decision, string by, DateTimeOffset at)
    {
        if (approved && !reviewed)
            throw new DomainInputException("reviewed", "Đề án đã phê duyệt thì đã được rà soát: ghi reviewed = true.");
        if (approved != approvedOn.HasValue)
            throw new DomainInputException("approvedOn", approved ? "Ghi ngày phê duyệt đề án." : "Đề án chưa phê duyệt thì bỏ trống ngày phê duyệt.");
        if (!approved && decision is not null)
            throw new DomainInputException("decision", "Đề án chưa phê duyệt thì bỏ trống số quyết định.");
        (Reviewed, Approved, ApprovedOn, Decision, RecordedBy, RecordedAt) = (reviewed, approved, approvedOn, decision, by, at);
        Raise(new JobPositionSchemeRecorded
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, AgencyCode = AgencyCode, Reviewed = reviewed, Approved = approved,
            ApprovedOn = approvedOn, Decision = decision,
        });
    }
}
