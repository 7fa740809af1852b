using ParPlatform.Contracts.Finance;
using ParPlatform.Messaging.Outbox;
using ParPlatform.SharedKernel;

namespace ParPlatform.Finance.Domain;

/// <summary>
/// A public service unit (đơn vị sự nghiệp công lập) of a unit and its approved plan of financial autonomy: its group, the
/// date and the decision. The report prints a line per group, all six, "không có" for none. Tenant-owned row, one per
/// public service unit (its code in the unit).
/// </summary>
public sealed class ServiceUnitAutonomy : Aggregate
{
    /// <summary>The six groups in the report's order, each with its line as printed.</summary>
    public static readonly (AutonomyGroup Group, string Line)[] Lines =
    [
        (AutonomyGroup.SelfFundingRecurrentAndInvestment, "Số ĐVSN tự bảo đảm chi thường xuyên và chi đầu tư"),
        (AutonomyGroup.SelfFundingRecurrent, "Số ĐVSN tự bảo đảm chi thường xuyên"),
        (AutonomyGroup.MostlySelfFunding, "Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên"),
        (AutonomyGroup.HalfSelfFunding, "Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên"),
        (AutonomyGroup.PartlySelfFunding, "Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên"),
        (AutonomyGroup.StateFunded, "Số ĐVSN do Nhà nước bảo đảm chi thường xuyên"),
    ];

    private ServiceUnitAutonomy()
    {
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    public string UnitCode { get; private set; } = null!;

    public string ProvinceCode { get; private set; } = null!;

    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    public AutonomyGroup Group { get; private set; }

    public DateOnly ApprovedOn { get; private set; }

    public string? Decision { get; private set; }

    public string RecordedBy { get; private set; } = null!;

    public DateTimeOffset RecordedAt { get; private set; }

    public uint Version { get; private set; }

    public override string EventKey() => $"autonomy:{UnitCode}:{Code}";

    public static ServiceUnitAutonomy Of(string unitCode, string provinceCode, string code) =>
        new() { UnitCode = unitCode, ProvinceCode = provinceCode, Code = code };

    /// <summary>Records the approval of the unit's plan in <paramref name="group"/>; a later approval replaces an earlier one.</summary>
    public void Approve(string name, AutonomyGroup group, DateOnly approvedOn, string? decision, string by, DateTimeOffset at)
    {
        var first = RecordedBy is null;
        if (!first && approvedOn < ApprovedOn)
            throw new DomainInputException("approvedOn", $"Phương án tự chủ đang áp dụng được phê duyệt ngày {ApprovedOn:dd/MM/yyyy}; phê duyệt mới không được trước ngày đó.");
        var previous = first ? (AutonomyGroup?)null : Group;
        (Name, Group, ApprovedOn, Decision, RecordedBy, RecordedAt) = (name, group, approvedOn, decision, by, at);
        Raise(new AutonomyApproved
        {
            UnitCode = UnitCode, ProvinceCode = ProvinceCode, OccurredAt = at, ServiceUnitCode = Code, ServiceUnitName = name, Group = group,
            ApprovedOn = approvedOn, Decision = decision, PreviousGroup = previous,
        });
    }
}
